package org.kpi.task.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle as a table: every legal (action, from) pair and its target; everything else throws. */
class TaskActionTest {

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
        "ASSIGN,             DRAFT,             ASSIGNED",
        "REPORT,             ASSIGNED,          IN_PROGRESS",
        "REPORT,             IN_PROGRESS,       IN_PROGRESS",
        "COMPLETE_MILESTONE, ASSIGNED,          ASSIGNED",
        "COMPLETE_MILESTONE, IN_PROGRESS,       IN_PROGRESS",
        "REQUEST_CLOSURE,    IN_PROGRESS,       CLOSURE_REQUESTED",
        "CLOSE,              CLOSURE_REQUESTED, CLOSED",
        "RETURN,             CLOSURE_REQUESTED, IN_PROGRESS",
        "REOPEN,             CLOSED,            IN_PROGRESS",
        "CANCEL,             DRAFT,             CANCELLED",
        "CANCEL,             ASSIGNED,          CANCELLED",
        "CANCEL,             IN_PROGRESS,       CANCELLED",
        "CANCEL,             CLOSURE_REQUESTED, CANCELLED",
        "EDIT,               DRAFT,             DRAFT",
        "EDIT,               ASSIGNED,          ASSIGNED",
        "EDIT,               IN_PROGRESS,       IN_PROGRESS",
        "ISSUE_ORDER,        ASSIGNED,          ASSIGNED",
        "ISSUE_ORDER,        IN_PROGRESS,       IN_PROGRESS",
        "ISSUE_ORDER,        CLOSURE_REQUESTED, CLOSURE_REQUESTED",
        "SIGN_FOR,           ASSIGNED,          ASSIGNED",
        "SIGN_FOR,           IN_PROGRESS,       IN_PROGRESS",
        "REQUEST_REASSIGNMENT, ASSIGNED,        ASSIGNED",
        "REQUEST_REASSIGNMENT, IN_PROGRESS,     IN_PROGRESS",
        "DECIDE_REASSIGNMENT, ASSIGNED,         ASSIGNED",
        "DECIDE_REASSIGNMENT, IN_PROGRESS,      IN_PROGRESS",
    })
    void legalTransitions(TaskAction action, TaskStatus from, TaskStatus to) {
        assertEquals(to, action.apply(from));
    }

    @Test
    void everyOtherPairIsIllegalAndNamesActionAndState() {
        Set<String> legal = Set.of("ASSIGN:DRAFT", "REPORT:ASSIGNED", "REPORT:IN_PROGRESS",
                "COMPLETE_MILESTONE:ASSIGNED", "COMPLETE_MILESTONE:IN_PROGRESS", "REQUEST_CLOSURE:IN_PROGRESS",
                "CLOSE:CLOSURE_REQUESTED", "RETURN:CLOSURE_REQUESTED", "REOPEN:CLOSED", "CANCEL:DRAFT",
                "CANCEL:ASSIGNED", "CANCEL:IN_PROGRESS", "CANCEL:CLOSURE_REQUESTED", "EDIT:DRAFT", "EDIT:ASSIGNED",
                "EDIT:IN_PROGRESS", "ISSUE_ORDER:ASSIGNED", "ISSUE_ORDER:IN_PROGRESS",
                "ISSUE_ORDER:CLOSURE_REQUESTED", "SIGN_FOR:ASSIGNED", "SIGN_FOR:IN_PROGRESS",
                "REQUEST_REASSIGNMENT:ASSIGNED", "REQUEST_REASSIGNMENT:IN_PROGRESS", "DECIDE_REASSIGNMENT:ASSIGNED",
                "DECIDE_REASSIGNMENT:IN_PROGRESS");
        int illegal = 0;
        for (TaskAction action : TaskAction.values()) {
            for (TaskStatus status : EnumSet.allOf(TaskStatus.class)) {
                if (legal.contains(action + ":" + status)) {
                    continue;
                }
                IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                        () -> action.apply(status));
                assertTrue(e.getMessage().contains(action.name()) && e.getMessage().contains(status.name()),
                        e.getMessage());
                assertEquals(409, e.problem().status());
                illegal++;
            }
        }
        assertEquals(TaskAction.values().length * TaskStatus.values().length - legal.size(), illegal);
    }
}
