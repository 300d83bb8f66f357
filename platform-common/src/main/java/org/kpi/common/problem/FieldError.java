package org.kpi.common.problem;

/**
 * One invalid field of a request: where it is and what is wrong with it.
 *
 * @param field   the field's path in the request (e.g. {@code milestones[0].dueDate}, {@code size})
 * @param message what is wrong, in the users' language
 */
public record FieldError(String field, String message) {
}
