package org.kpi.notify.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a sweep's reminders, deliveries and ladder positions in bulk: one statement per table
 * per chunk, its rows passed as arrays and spread with {@code unnest}, inside the caller's
 * transaction. A sweep over ten thousand due subjects makes a few dozen round trips, not tens of
 * thousands.
 */
@ApplicationScoped
public class ReminderRows {

    @Inject
    EntityManager em;

    /** A reminder to create unless its unique key exists. */
    public record NewReminder(DueSubject subject, String unit, String party, String kind, int offsetDays) {

        /** The reminder's unique key, as {@link #insertReminders} answers it. */
        public String key() {
            return ReminderRows.key(subject.type().name(), subject.subjectId(), subject.subjectKey(), unit, offsetDays,
                    subject.dueDate());
        }
    }

    /** A delivery of a created reminder on one channel. */
    public record NewDelivery(long reminderId, String unit, String channel, String address, String title, String body,
                              String link, String factsJson, Instant nextAttemptAt, String digestGroup) {
    }

    /** Where a subject's ladder now stands. */
    public record LadderMark(DueSubject subject, int lastOffset, boolean done) {
    }

    /**
     * Inserts the reminders whose unique key is new; returns the ids of those this call created,
     * by {@link NewReminder#key()}. A reminder another sweep created first is not returned, so its
     * deliveries are not made twice.
     */
    public Map<String, Long> insertReminders(List<NewReminder> reminders, Instant now) {
        if (reminders.isEmpty()) {
            return Map.of();
        }
        int n = reminders.size();
        String[] type = new String[n];
        Long[] subjectId = new Long[n];
        String[] subjectKey = new String[n];
        Long[] taskId = new Long[n];
        Long[] targetId = new Long[n];
        String[] title = new String[n];
        String[] unit = new String[n];
        String[] party = new String[n];
        String[] kind = new String[n];
        Integer[] offset = new Integer[n];
        String[] due = new String[n];
        for (int i = 0; i < n; i++) {
            NewReminder r = reminders.get(i);
            type[i] = r.subject().type().name();
            subjectId[i] = r.subject().subjectId();
            subjectKey[i] = r.subject().subjectKey();
            taskId[i] = r.subject().taskId();
            targetId[i] = r.subject().targetId();
            title[i] = r.subject().title();
            unit[i] = r.unit();
            party[i] = r.party();
            kind[i] = r.kind();
            offset[i] = r.offsetDays();
            due[i] = r.subject().dueDate().toString();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into reminder (subject_type, subject_id, subject_key, task_id, target_id, title,
                        org_unit_code, party, kind, offset_days, due_date, status, created_at, updated_at)
                    select r.*, 'PENDING', ?, ?
                      from unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
                                  ?::text[], ?::text[], ?::text[], ?::int[], ?::date[]) as r
                    on conflict on constraint reminder_once do nothing
                    returning id, subject_type, subject_id, subject_key, org_unit_code, offset_days, due_date""")) {
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                insert.setObject(1, at);
                insert.setObject(2, at);
                bind(connection, insert, 3, "text", type);
                bind(connection, insert, 4, "int8", subjectId);
                bind(connection, insert, 5, "text", subjectKey);
                bind(connection, insert, 6, "int8", taskId);
                bind(connection, insert, 7, "int8", targetId);
                bind(connection, insert, 8, "text", title);
                bind(connection, insert, 9, "text", unit);
                bind(connection, insert, 10, "text", party);
                bind(connection, insert, 11, "text", kind);
                bind(connection, insert, 12, "int4", offset);
                bind(connection, insert, 13, "text", due);
                Map<String, Long> created = new HashMap<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        created.put(key(rows.getString(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                                rows.getInt(6), rows.getObject(7, LocalDate.class)), rows.getLong(1));
                    }
                }
                return created;
            }
        });
    }

    /** Inserts the deliveries (each with a fresh idempotency key); returns how many. */
    public int insertDeliveries(List<NewDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        int n = deliveries.size();
        Long[] reminder = new Long[n];
        String[] unit = new String[n];
        String[] channel = new String[n];
        String[] address = new String[n];
        String[] title = new String[n];
        String[] body = new String[n];
        String[] link = new String[n];
        String[] facts = new String[n];
        String[] key = new String[n];
        String[] next = new String[n];
        String[] digest = new String[n];
        for (int i = 0; i < n; i++) {
            NewDelivery d = deliveries.get(i);
            reminder[i] = d.reminderId();
            unit[i] = d.unit();
            channel[i] = d.channel();
            address[i] = d.address();
            title[i] = d.title();
            body[i] = d.body();
            link[i] = d.link();
            facts[i] = d.factsJson();
            key[i] = UUID.randomUUID().toString();
            next[i] = d.nextAttemptAt().toString();
            digest[i] = d.digestGroup();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into delivery (reminder_id, org_unit_code, channel, address, title, body, link, facts,
                        idempotency_key, next_attempt_at, digest_group, status, attempts, created_at, updated_at)
                    select d.reminder_id, d.unit, d.channel, d.address, d.title, d.body, d.link, d.facts::jsonb,
                           d.key::uuid, d.next::timestamptz, d.digest, 'PENDING', 0, ?, ?
                      from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                  ?::text[], ?::text[], ?::text[], ?::text[])
                           as d (reminder_id, unit, channel, address, title, body, link, facts, key, next, digest)
                    on conflict on constraint delivery_once do nothing""")) {
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                insert.setObject(1, at);
                insert.setObject(2, at);
                bind(connection, insert, 3, "int8", reminder);
                bind(connection, insert, 4, "text", unit);
                bind(connection, insert, 5, "text", channel);
                bind(connection, insert, 6, "text", address);
                bind(connection, insert, 7, "text", title);
                bind(connection, insert, 8, "text", body);
                bind(connection, insert, 9, "text", link);
                bind(connection, insert, 10, "text", facts);
                bind(connection, insert, 11, "text", key);
                bind(connection, insert, 12, "text", next);
                bind(connection, insert, 13, "text", digest);
                return insert.executeUpdate();
            }
        });
    }

    /** Records each subject's last fired step, and whether its ladder is done. */
    public void saveLadder(List<LadderMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        int n = marks.size();
        String[] type = new String[n];
        Long[] id = new Long[n];
        String[] key = new String[n];
        String[] due = new String[n];
        Integer[] offset = new Integer[n];
        Boolean[] done = new Boolean[n];
        for (int i = 0; i < n; i++) {
            LadderMark m = marks.get(i);
            type[i] = m.subject().type().name();
            id[i] = m.subject().subjectId();
            key[i] = m.subject().subjectKey();
            due[i] = m.subject().dueDate().toString();
            offset[i] = m.lastOffset();
            done[i] = m.done();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into ladder_state (subject_type, subject_id, subject_key, due_date, last_offset, done)
                    select * from unnest(?::text[], ?::bigint[], ?::text[], ?::date[], ?::int[], ?::boolean[])
                    on conflict (subject_type, subject_id, subject_key) do update
                       set due_date = excluded.due_date, last_offset = excluded.last_offset, done = excluded.done""")) {
                bind(connection, upsert, 1, "text", type);
                bind(connection, upsert, 2, "int8", id);
                bind(connection, upsert, 3, "text", key);
                bind(connection, upsert, 4, "text", due);
                bind(connection, upsert, 5, "int4", offset);
                bind(connection, upsert, 6, "bool", done);
                upsert.executeUpdate();
            }
        });
    }

    static String key(String type, long subjectId, String subjectKey, String unit, int offsetDays, LocalDate due) {
        return type + "\u0000" + subjectId + "\u0000" + subjectKey + "\u0000" + unit + "\u0000" + offsetDays + "\u0000" + due;
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, String type, Object[] values)
            throws SQLException {
        Array array = connection.createArrayOf(type, values);
        statement.setArray(index, array);
    }
}
