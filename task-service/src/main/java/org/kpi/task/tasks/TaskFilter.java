package org.kpi.task.tasks;

import org.kpi.common.problem.ProblemException;
import org.kpi.common.web.QueryParams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters and order of a task list, parsed from query parameters (a malformed one is a 400
 * naming it).
 *
 * @param orgUnit         a unit: tasks belonging to its subtree or with a lead/co-unit in it
 * @param involvement     with {@code orgUnit} (else the caller's own unit): the part it plays
 * @param statuses        one or more statuses, comma-separated
 * @param colour          derived colour
 * @param overdue         derived overdue flag
 * @param dueBefore       due on or before this date
 * @param category        exact category
 * @param q               text contained in the title
 * @param responseOverdue a supervision order waits for an answer past its date
 * @param awaitingSignature a running task a unit has yet to sign for (for a department: its own unit)
 * @param signForOverdue  a running task a unit has not signed for past the limit
 * @param instructionId   made from this leader instruction
 * @param sort            one of {@link #SORTS}, {@code -} for descending; default {@code dueDate}
 */
public record TaskFilter(String orgUnit, Involvement involvement, List<TaskStatus> statuses, Colour colour,
                         Boolean overdue, LocalDate dueBefore, String category, String q,
                         Boolean responseOverdue, Boolean awaitingSignature, Boolean signForOverdue,
                         Long instructionId, String sort) {

    /** Sort keys and their columns. */
    public static final Map<String, String> SORTS = Map.of(
            "dueDate", "t.due_date",
            "nextDueDate", "t.next_due_date",
            "createdAt", "t.created_at",
            "updatedAt", "t.updated_at",
            "title", "t.title",
            "id", "t.id");

    public static TaskFilter parse(String orgUnit, Involvement involvement, String status, Colour colour,
                                   Boolean overdue, LocalDate dueBefore, String category, String q,
                                   Boolean responseOverdue, Boolean awaitingSignature, Boolean signForOverdue,
                         Long instructionId, String sort) {
        List<TaskStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String part : status.split(",")) {
                if (part.isBlank()) {
                    throw ProblemException.invalid("status", "状态列表中有空项，应为逗号分隔的状态，如 ASSIGNED,IN_PROGRESS");
                }
                statuses.add(QueryParams.optionalEnum("status", part.trim(), TaskStatus.class));
            }
        }
        String sortKey = sort == null || sort.isBlank() ? "dueDate" : sort.trim();
        if (!SORTS.containsKey(sortKey.startsWith("-") ? sortKey.substring(1) : sortKey)) {
            throw ProblemException.invalid("sort",
                    "可选值：" + String.join(", ", SORTS.keySet().stream().sorted().toList()) + "，前加 - 表示倒序");
        }
        if (q != null && q.length() > 100) {
            throw ProblemException.invalid("q", "搜索文本最长 100 个字符");
        }
        return new TaskFilter(blankToNull(orgUnit), involvement, statuses, colour, overdue, dueBefore,
                blankToNull(category), blankToNull(q), responseOverdue, awaitingSignature, signForOverdue, instructionId,
                sortKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
