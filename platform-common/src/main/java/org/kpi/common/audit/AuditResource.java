package org.kpi.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.security.Roles;
import org.kpi.common.security.Scope;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log back: supervisors within their subtree, admins everything. Newest first. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Tag(name = "留痕 Audit", description = "全程留痕：每次写操作的操作人、所属机构、前后内容与时间，只增不改 · "
        + "The append-only audit log of every write: who, from which unit, before, after, when")
public class AuditResource {

    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    @Inject
    ObjectMapper mapper;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "查询操作留痕（按对象类型和编号过滤，最新在前）")
    public PageResult<AuditView> list(
            @QueryParam("entity") @Parameter(description = "对象类型，如 task、target、org-unit · Object type") String entity,
            @QueryParam("id") @Parameter(description = "对象编号 · Object id") String id,
            @BeanParam PageParams page) {
        PageRequest request = page.request();
        // an entry is read back by whoever covers the org unit its object belongs to
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(scope.units("scope", "a.scope_org").addTo(params));
        if (entity != null && !entity.isBlank()) {
            where.append(" and a.entity = :entity");
            params.put("entity", entity.trim());
        }
        if (id != null && !id.isBlank()) {
            where.append(" and a.entity_id = :id");
            params.put("id", id.trim());
        }
        Query query = em.createNativeQuery("select a.* from audit_log a" + where + " order by a.id desc",
                AuditEntry.class);
        Query count = em.createNativeQuery("select count(*) from audit_log a" + where);
        for (Query q : List.of(query, count)) {
            params.forEach(q::setParameter);
        }
        @SuppressWarnings("unchecked")
        List<AuditEntry> entries = query.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        List<AuditView> items = entries.stream().map(this::view).toList();
        return PageResult.of(items, request, ((Number) count.getSingleResult()).longValue());
    }

    private AuditView view(AuditEntry e) {
        return new AuditView(e.id, e.occurredAt, e.actor, e.actorName, e.actorOrg, e.action, e.entity,
                e.entityId, e.scopeOrg, json(e.before), json(e.after));
    }

    /** The recorded state: always a JSON object, as {@link AuditLog} writes it. */
    private Map<String, Object> json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readValue(text, STATE);
        } catch (JsonProcessingException e) {
            // not an object (never written so): shown as text rather than lost
            return Map.of("text", text);
        }
    }
}
