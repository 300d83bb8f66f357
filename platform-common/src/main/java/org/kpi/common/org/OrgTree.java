package org.kpi.common.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/** Reads the (local copy of the) org tree: lookups and subtree membership. */
@ApplicationScoped
public class OrgTree {

    @Inject
    EntityManager em;

    public Optional<OrgUnit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(OrgUnit.class, code));
    }

    public Optional<String> pathOf(String code) {
        return find(code).map(unit -> unit.path);
    }

    /** Whether {@code code} is {@code ancestorCode} itself or lies below it. */
    public boolean isWithin(String code, String ancestorCode) {
        if (code == null || ancestorCode == null) {
            return false;
        }
        if (code.equals(ancestorCode)) {
            return true;
        }
        return find(code).map(unit -> unit.path.contains("/" + ancestorCode + "/")).orElse(false);
    }
}
