package org.kpi.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.kpi.common.security.Caller;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Records writes in the audit log, inside the transaction of the write itself: the entries a
 * transaction records are inserted together, in one batch, just before it commits (one round trip
 * however many there are), and not at all when it rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "insert into audit_log (occurred_at, actor, actor_name, actor_org, action,"
            + " entity, entity_id, scope_org, before, after) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)";

    /** The key of a transaction's pending entries among its resources. */
    private static final Object PENDING = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * @param action   what was done, e.g. {@code create}, {@code approve}
     * @param entity   the kind of object, e.g. {@code org-unit}, {@code task}
     * @param entityId the object's id
     * @param scopeOrg the org unit the object belongs to
     * @param before   its state before (null for a creation), written as JSON
     * @param after    its state after (null for a deletion), written as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entity, String entityId, String scopeOrg, Object before, Object after) {
        AuditEntry entry = new AuditEntry(); // the row to insert, never handed to the session
        entry.occurredAt = OffsetDateTime.now(clock);
        boolean user = caller.isAuthenticated();
        entry.actor = user ? caller.subject() : Caller.SYSTEM;
        entry.actorName = user ? caller.displayName() : null;
        entry.actorOrg = user ? caller.orgCode() : null;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.scopeOrg = scopeOrg;
        entry.before = toJson(before);
        entry.after = toJson(after);
        pending().add(entry);
    }

    /**
     * The entries recorded so far in the current transaction. The session writes them in its own
     * preparation for commit, after its last flush and while it still holds its connection.
     */
    private List<AuditEntry> pending() {
        @SuppressWarnings("unchecked")
        List<AuditEntry> entries = (List<AuditEntry>) transaction.getResource(PENDING);
        if (entries == null) {
            List<AuditEntry> created = new ArrayList<>();
            transaction.putResource(PENDING, created);
            SessionImplementor session = em.unwrap(SessionImplementor.class);
            // joined now: a session cannot join from inside the transaction's completion
            session.joinTransaction();
            session.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.BeforeCompletionCallback) ignored -> write(session, created));
            entries = created;
        }
        return entries;
    }

    private static void write(SessionImplementor session, List<AuditEntry> entries) {
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry entry : entries) {
                    insert.setObject(1, entry.occurredAt);
                    insert.setString(2, entry.actor);
                    insert.setString(3, entry.actorName);
                    insert.setString(4, entry.actorOrg);
                    insert.setString(5, entry.action);
                    insert.setString(6, entry.entity);
                    insert.setString(7, entry.entityId);
                    insert.setString(8, entry.scopeOrg);
                    insert.setObject(9, entry.before, Types.VARCHAR);
                    insert.setObject(10, entry.after, Types.VARCHAR);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state cannot be written as JSON", e);
        }
    }
}
