package org.kpi.goals.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A task as the documents read it from target-service's copy of task-service's feed, with the
 * questions they ask of it on a given day. Only today's state is known, so a day in the past is
 * judged from the dates it left: handed out on, closed on, milestones completed on.
 */
record TaskFact(long id, String title, String orgUnitCode, String leadUnitCode, List<String> coUnitCodes,
                String category, Long targetId, String status, LocalDate startDate, LocalDate assignedOn,
                LocalDate dueDate, LocalDate closedOn, String cadence, List<Milestone> milestones) {

    /** A milestone (节点): completed on a business day, or not (yet). */
    record Milestone(String title, LocalDate dueDate, boolean completed, LocalDate completedOn) {

        boolean completedBy(LocalDate day) {
            return completed && (completedOn == null || !completedOn.isAfter(day));
        }
    }

    /**
     * Under way by {@code day}: neither a draft nor cancelled, and handed out or started by then. A
     * task entered after its plan had started it (a district taking the platform up mid-year enters
     * the year's tasks at once) counts from its start date, as it was running then.
     */
    boolean handedOutBy(LocalDate day) {
        if ("DRAFT".equals(status) || "CANCELLED".equals(status)) {
            return false;
        }
        if (assignedOn == null && startDate == null) {
            return true;
        }
        return assignedOn != null && !assignedOn.isAfter(day) || startDate != null && !startDate.isAfter(day);
    }

    boolean closedBy(LocalDate day) {
        return "CLOSED".equals(status) && (closedOn == null || !closedOn.isAfter(day));
    }

    boolean closedWithin(LocalDate from, LocalDate to) {
        return "CLOSED".equals(status) && closedOn != null && !closedOn.isBefore(from) && !closedOn.isAfter(to);
    }

    /** Running on {@code day}: handed out, not closed, and nobody has asked to close it (as task-service's colour rule reads it). */
    boolean runningOn(LocalDate day) {
        return handedOutBy(day) && !closedBy(day) && !"CLOSURE_REQUESTED".equals(status);
    }

    /** The next date the task answers to on {@code day}: its first milestone still open, else its own due date. */
    LocalDate nextDueOn(LocalDate day) {
        LocalDate next = dueDate;
        for (Milestone m : milestones) {
            if (m.dueDate() != null && !m.completedBy(day) && m.dueDate().isBefore(next)) {
                next = m.dueDate();
            }
        }
        return next;
    }

    /** The milestone the next due date belongs to, or null when it is the task's own. */
    String nextMilestoneOn(LocalDate day) {
        LocalDate next = nextDueOn(day);
        if (next.equals(dueDate)) {
            return null;
        }
        return milestones.stream().filter(m -> next.equals(m.dueDate()) && !m.completedBy(day)).map(Milestone::title)
                .findFirst().orElse(null);
    }

    /** Days past its next due date on {@code day}; 0 when it is not overdue. */
    long daysLate(LocalDate day) {
        if (!runningOn(day)) {
            return 0;
        }
        return Math.max(0, ChronoUnit.DAYS.between(nextDueOn(day), day));
    }

    boolean overdueOn(LocalDate day) {
        return daysLate(day) > 0;
    }

    /** The lead first, then the co-units. */
    List<String> units() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(leadUnitCode), coUnitCodes.stream()).toList();
    }
}
