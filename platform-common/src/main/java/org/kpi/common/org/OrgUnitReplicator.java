package org.kpi.common.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.PlatformConfig;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;

/**
 * Keeps this service's copy of the org tree from target-service's {@code org-unit.upserted}
 * events. An upsert only ever moves a row to a newer version, so replaying an event is harmless.
 */
@ApplicationScoped
public class OrgUnitReplicator implements EventHandler {

    @Inject
    EntityManager em;

    @Inject
    PlatformConfig config;

    @Override
    public boolean handles(String type) {
        return !config.orgTreeOwner() && OrgUnitService.UPSERTED.equals(type);
    }

    @Override
    public void apply(FeedEvent event) {
        var p = event.payload();
        String code = p.get("code").asText();
        String parentCode = p.hasNonNull("parentCode") ? p.get("parentCode").asText() : null;
        String parentPath = null;
        if (parentCode != null) {
            OrgUnit parent = em.find(OrgUnit.class, parentCode);
            if (parent == null) {
                throw new IllegalStateException("Org unit " + code + " arrived before its parent " + parentCode);
            }
            parentPath = parent.path;
        }
        em.createNativeQuery("""
                        insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as timestamptz), cast(?8 as timestamptz))
                        on conflict (code) do update
                           set name = excluded.name, type = excluded.type, parent_code = excluded.parent_code,
                               path = excluded.path, version = excluded.version, updated_at = excluded.updated_at
                         where org_unit.version < excluded.version""")
                .setParameter(1, code)
                .setParameter(2, p.get("name").asText())
                .setParameter(3, p.get("type").asText())
                .setParameter(4, parentCode)
                .setParameter(5, OrgPath.of(parentPath, code))
                .setParameter(6, p.get("version").asLong())
                .setParameter(7, p.get("createdAt").asText())
                .setParameter(8, p.get("updatedAt").asText())
                .executeUpdate();
    }
}
