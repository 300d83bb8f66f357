package org.kpi.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.security.Roles;
import org.kpi.common.security.Scope;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log back: supervisors within their subtree, admins everything. Newest first. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class AuditResource {

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    @Inject
    ObjectMapper mapper;

    @GET
    @Operation(summary = "查询操作留痕（按对象类型和编号过滤）")
    public PageResult<AuditView> list(@QueryParam("entity") String entity, @QueryParam("id") String id,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
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

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }
}
