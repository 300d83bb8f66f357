package org.kpi.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Records writes in the audit log, inside the transaction of the write itself. */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

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
        AuditEntry entry = new AuditEntry();
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
        em.persist(entry);
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
