package org.kpi.goals.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The schedules of a unit's documents: by default the weekly list on Friday at 16:00, the bulletin
 * on the 3rd of the next month, the analysis on the 10th after the quarter, all at 16:00 and off
 * until a supervisor turns them on.
 */
@ApplicationScoped
public class ReportSchedules {

    static final LocalTime DEFAULT_TIME = LocalTime.of(16, 0);
    static final Map<ReportKind, Integer> DEFAULT_DAY = Map.of(ReportKind.WEEKLY, 5, ReportKind.MONTHLY, 3,
            ReportKind.QUARTERLY, 10);

    @Inject
    EntityManager em;

    @Inject
    Reports reports;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A schedule as stored, with when it last changed (the runs it owes start there). */
    record Schedule(String orgUnitCode, ReportKind kind, boolean enabled, int day, LocalTime time, String updatedBy,
                    OffsetDateTime updatedAt) {

        /** The latest time this schedule fell due at or before {@code now} (Asia/Shanghai local time). */
        LocalDateTime latestRunAtOrBefore(LocalDateTime now) {
            LocalDate today = now.toLocalDate();
            LocalDate candidate = switch (kind) {
                case WEEKLY -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(day)));
                case MONTHLY -> today.withDayOfMonth(day);
                case QUARTERLY -> today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(day);
            };
            LocalDateTime run = candidate.atTime(time);
            if (run.isAfter(now)) {
                run = switch (kind) {
                    case WEEKLY -> run.minusWeeks(1);
                    case MONTHLY -> run.minusMonths(1);
                    case QUARTERLY -> run.minusMonths(3);
                };
            }
            return run;
        }

        /** The next time it falls due after {@code now}. */
        LocalDateTime nextRunAfter(LocalDateTime now) {
            LocalDateTime latest = latestRunAtOrBefore(now);
            return switch (kind) {
                case WEEKLY -> latest.plusWeeks(1);
                case MONTHLY -> latest.plusMonths(1);
                case QUARTERLY -> latest.plusMonths(3);
            };
        }

        /** The period a run on {@code day} issues: the week it falls in, the month or quarter before. */
        ReportPeriod periodOf(LocalDate day) {
            return ReportArchive.defaultPeriod(kind, day);
        }
    }

    /** The three schedules of {@code orgUnitCode}, defaults for those never set. */
    public List<ScheduleView> list(String orgUnitCode) {
        OrgUnit org = reports.readable(orgUnitCode);
        Map<ReportKind, Schedule> stored = new EnumMap<>(ReportKind.class);
        stored(org.code).forEach(s -> stored.put(s.kind(), s));
        List<ScheduleView> views = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            views.add(view(stored.getOrDefault(kind, new Schedule(org.code, kind, false, DEFAULT_DAY.get(kind),
                    DEFAULT_TIME, null, null))));
        }
        return views;
    }

    /** A supervisor of the unit sets one schedule; fields left out keep their value (or the default). */
    @Transactional
    public ScheduleView update(String orgUnitCode, ReportKind kind, ScheduleUpdate update) {
        OrgUnit org = reports.readable(orgUnitCode);
        if (!(caller.isAdmin() || caller.isSupervisor())) {
            throw ProblemException.forbidden("只有督查人员可以设置定时印发");
        }
        Schedule current = stored(org.code).stream().filter(s -> s.kind() == kind).findFirst()
                .orElse(new Schedule(org.code, kind, false, DEFAULT_DAY.get(kind), DEFAULT_TIME, null, null));
        int day = update.day() == null ? current.day() : update.day();
        int max = kind == ReportKind.WEEKLY ? 7 : 28;
        if (day < 1 || day > max) {
            throw ProblemException.invalid("day", kind == ReportKind.WEEKLY ? "星期几应在 1（周一）到 7（周日）之间"
                    : "日期应在 1 到 28 之间（每个月都有的日子）");
        }
        LocalTime time = current.time();
        if (update.time() != null) {
            try {
                time = LocalTime.parse(update.time().trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("time", "时刻应写作 HH:mm，如 16:00");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into report_schedule (org_unit_code, kind, enabled, day, at_time, updated_by, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (org_unit_code, kind) do update
                           set enabled = excluded.enabled, day = excluded.day, at_time = excluded.at_time,
                               updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, org.code).setParameter(2, kind.name()).setParameter(3, update.enabled())
                .setParameter(4, day).setParameter(5, time).setParameter(6, caller.subject()).setParameter(7, now)
                .executeUpdate();
        ScheduleView after = view(new Schedule(org.code, kind, update.enabled(), day, time, caller.subject(), now));
        audit.record("update", "report-schedule", org.code + "/" + kind, org.code,
                current.updatedAt() == null ? null : view(current), after);
        return after;
    }

    /** Every enabled schedule, for the scheduler. */
    List<Schedule> enabled() {
        return rows("where enabled", null);
    }

    private List<Schedule> stored(String orgUnitCode) {
        return rows("where org_unit_code = ?1", orgUnitCode);
    }

    private List<Schedule> rows(String where, String orgUnitCode) {
        var query = em.createNativeQuery("select org_unit_code, kind, enabled, day, at_time, updated_by, updated_at"
                + " from report_schedule " + where + " order by org_unit_code, kind");
        if (orgUnitCode != null) {
            query.setParameter(1, orgUnitCode);
        }
        List<Schedule> schedules = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            schedules.add(new Schedule((String) r[0], ReportKind.valueOf((String) r[1]), (Boolean) r[2],
                    ((Number) r[3]).intValue(), r[4] instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) r[4],
                    (String) r[5], OffsetDateTime.ofInstant((Instant) r[6], clock.getZone())));
        }
        return schedules;
    }

    private ScheduleView view(Schedule s) {
        LocalDateTime now = LocalDateTime.now(clock);
        return new ScheduleView(s.orgUnitCode(), s.kind(), s.enabled(), s.day(), s.time(), s.updatedBy(), s.updatedAt(),
                s.enabled() ? s.nextRunAfter(now).atZone(clock.getZone()).toOffsetDateTime() : null);
    }
}
