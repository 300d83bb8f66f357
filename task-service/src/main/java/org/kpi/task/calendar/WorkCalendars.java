package org.kpi.task.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.web.ETags;
import org.kpi.common.web.QueryParams;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The working-day calendars an admin loads per year (工作日历), and the {@link WorkCalendar} they
 * make for counting working days (the sign-for limit). A year not loaded counts Monday to Friday.
 */
@ApplicationScoped
public class WorkCalendars {

    static final String ENTITY = "work-calendar";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public CalendarView view(int year) {
        requireYear(year);
        @SuppressWarnings("unchecked")
        List<Object> version = em.createNativeQuery("select version from work_calendar where year = ?1")
                .setParameter(1, year).getResultList();
        if (version.isEmpty()) {
            return new CalendarView(year, List.of(), List.of(), false, 0);
        }
        return new CalendarView(year, days(year, "HOLIDAY"), days(year, "WORKDAY"), true,
                ((Number) version.get(0)).longValue());
    }

    /** Replaces the calendar of {@code year}; a version, when given, must be the current one. */
    @Transactional
    public CalendarView replace(int year, CalendarUpdate update, String ifMatch) {
        requireYear(year);
        CalendarView before = view(year);
        ETags.requireVersionIfGiven(ifMatch, update.version(), before.version());
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < update.holidays().size(); i++) {
            LocalDate day = update.holidays().get(i);
            if (day.getYear() != year) {
                errors.add(new FieldError("holidays[" + i + "]", day + " 不在 " + year + " 年"));
            }
            holidays.add(day);
        }
        Set<LocalDate> workdays = new HashSet<>();
        for (int i = 0; i < update.workdays().size(); i++) {
            LocalDate day = update.workdays().get(i);
            if (day.getYear() != year) {
                errors.add(new FieldError("workdays[" + i + "]", day + " 不在 " + year + " 年"));
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                errors.add(new FieldError("workdays[" + i + "]", day + " 不是周六或周日，本来就是工作日"));
            }
            if (holidays.contains(day)) {
                errors.add(new FieldError("workdays[" + i + "]", day + " 同时列为放假日"));
            }
            workdays.add(day);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long next = before.version() + 1;
        OffsetDateTime now = OffsetDateTime.now(clock);
        int written = before.loaded()
                ? em.createNativeQuery("update work_calendar set version = ?2, updated_by = ?3, updated_at = ?4"
                        + " where year = ?1 and version = ?5")
                .setParameter(1, year).setParameter(2, next).setParameter(3, caller.subject()).setParameter(4, now)
                .setParameter(5, before.version()).executeUpdate()
                : em.createNativeQuery("insert into work_calendar (year, version, updated_by, updated_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict (year) do nothing")
                .setParameter(1, year).setParameter(2, next).setParameter(3, caller.subject()).setParameter(4, now)
                .executeUpdate();
        if (written != 1) {
            throw ProblemException.conflict("日历已被他人修改，请刷新后重试");
        }
        em.createNativeQuery("delete from work_calendar_day where year = ?1").setParameter(1, year).executeUpdate();
        insert(year, holidays, "HOLIDAY");
        insert(year, workdays, "WORKDAY");
        CalendarView after = view(year);
        audit.record("update", ENTITY, Integer.toString(year), null, before, after);
        return after;
    }

    /** The calendar for counting working days from {@code from} to {@code to}: every loaded year between them. */
    @Transactional
    public WorkCalendar between(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select day, kind from work_calendar_day where day between ?1 and ?2")
                .setParameter(1, from).setParameter(2, to)
                // reads no task: a task changed in the caller's transaction is not flushed (its version moves once)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (Object[] row : rows) {
            ("HOLIDAY".equals(row[1]) ? holidays : workdays).add((LocalDate) row[0]);
        }
        return new WorkCalendar(holidays, workdays);
    }

    private List<LocalDate> days(int year, String kind) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select day from work_calendar_day where year = ?1 and kind = ?2 order by day")
                .setParameter(1, year).setParameter(2, kind).getResultList();
        return rows.stream().map(LocalDate.class::cast).toList();
    }

    private void insert(int year, Set<LocalDate> days, String kind) {
        for (LocalDate day : days.stream().sorted().toList()) {
            em.createNativeQuery("insert into work_calendar_day (day, year, kind) values (?1, ?2, ?3)")
                    .setParameter(1, day).setParameter(2, year).setParameter(3, kind).executeUpdate();
        }
    }

    private static void requireYear(int year) {
        if (year < QueryParams.MIN_YEAR || year > QueryParams.MAX_YEAR) {
            throw ProblemException.invalid("year", "年份应在 " + QueryParams.MIN_YEAR + " 到 " + QueryParams.MAX_YEAR + " 之间");
        }
    }
}
