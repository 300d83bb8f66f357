package org.kpi.console.session;

/**
 * One identity the demo sign-in offers: a role in an org unit, named as a user would recognise it.
 *
 * @param role          leader, supervisor, department or admin
 * @param orgUnitCode   the org unit
 * @param label         who this is, in Chinese (“芝罘区督查室”, “芝罘区发展和改革局”)
 * @param roleLabel     the role, in Chinese
 * @param group         the city or district the identity belongs to, for grouping on the page
 */
public record DemoIdentity(String role, String orgUnitCode, String label, String roleLabel, String group) {
}
