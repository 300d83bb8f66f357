package org.kpi.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.org.OrgPath;
import org.kpi.common.security.Roles;
import org.kpi.common.security.Scope;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.util.List;

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
        String subtree = scope.subtreePath();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (entity != null && !entity.isBlank()) {
            where.append(" and a.entity = :entity");
        }
        if (id != null && !id.isBlank()) {
            where.append(" and a.entityId = :id");
        }
        if (!Scope.EVERYTHING.equals(subtree)) {
            where.append(" and a.scopeOrg in (select u.code from OrgUnit u where u.path like :subtree escape '\\')");
        }
        TypedQuery<AuditEntry> query = em.createQuery("from AuditEntry a" + where + " order by a.id desc",
                AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            if (entity != null && !entity.isBlank()) {
                q.setParameter("entity", entity.trim());
            }
            if (id != null && !id.isBlank()) {
                q.setParameter("id", id.trim());
            }
            if (!Scope.EVERYTHING.equals(subtree)) {
                q.setParameter("subtree", OrgPath.likeSubtree(subtree));
            }
        }
        List<AuditView> items = query.setFirstResult(request.offset()).setMaxResults(request.size())
                .getResultList().stream().map(this::view).toList();
        return PageResult.of(items, request, count.getSingleResult());
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
