package org.kpi.common.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.kpi.common.PlatformConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the (local copy of the) org tree: lookups and subtree membership.
 *
 * <p>Scope checks run on every request, so the codes and paths of the tree are held in memory:
 * a change this process commits ({@link #changed()}) is seen at once; a change another replica
 * commits is seen within {@link PlatformConfig#orgTreeRefresh()}, when a fingerprint of the table
 * (one aggregate over a small table) differs from the one the snapshot was loaded at. A code the
 * snapshot does not know is looked up in the database, so a unit created in the current
 * transaction is found. {@link #node} reads a unit from memory; {@link #find} returns the managed
 * entity, for writers.
 */
@ApplicationScoped
public class OrgTree {

    private static final String FINGERPRINT = "select count(*) || ':' || coalesce(sum(version), 0) || ':' "
            + "|| md5(coalesce(string_agg(code || '=' || path || '=' || type || '=' || name, ',' order by code), '')) "
            + "from org_unit";

    @Inject
    EntityManager em;

    @Inject
    PlatformConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The units by code as last loaded, with the fingerprint they were loaded at and when it was checked. */
    private record Snapshot(Map<String, OrgNode> units, String fingerprint, long checkedAtNanos) {
    }

    private volatile Snapshot snapshot;

    public Optional<OrgUnit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(OrgUnit.class, code));
    }

    /** The unit with {@code code}, read from memory (from the database when the snapshot does not know it). */
    public Optional<OrgNode> node(String code) {
        if (code == null) {
            return Optional.empty();
        }
        OrgNode node = units().get(code);
        return node != null ? Optional.of(node) : find(code).map(OrgNode::of);
    }

    public Optional<String> pathOf(String code) {
        return node(code).map(OrgNode::path);
    }

    /** Whether {@code code} is {@code ancestorCode} itself or lies below it. */
    public boolean isWithin(String code, String ancestorCode) {
        if (code == null || ancestorCode == null) {
            return false;
        }
        if (code.equals(ancestorCode)) {
            return true;
        }
        return pathOf(code).map(path -> path.contains("/" + ancestorCode + "/")).orElse(false);
    }

    /**
     * Tells the tree that org units change in the current transaction: the snapshot is dropped
     * once it completes (at once when there is none), so the next read loads the committed tree.
     */
    public void changed() {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: only the outcome matters
                }

                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
        snapshot = null;
    }

    private Map<String, OrgNode> units() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        long refresh = config.orgTreeRefresh().toNanos();
        if (current != null && now - current.checkedAtNanos() < refresh) {
            return current.units();
        }
        synchronized (this) {
            current = snapshot;
            if (current != null && now - current.checkedAtNanos() < refresh) {
                return current.units();
            }
            String fingerprint = (String) em.createNativeQuery(FINGERPRINT).getSingleResult();
            Map<String, OrgNode> units = current != null && current.fingerprint().equals(fingerprint)
                    ? current.units() : load();
            snapshot = new Snapshot(units, fingerprint, now);
            return units;
        }
    }

    private Map<String, OrgNode> load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, name, type, parent_code, path from org_unit")
                .getResultList();
        Map<String, OrgNode> units = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            units.put((String) row[0], new OrgNode((String) row[0], (String) row[1],
                    OrgUnitType.valueOf((String) row[2]), (String) row[3], (String) row[4]));
        }
        return Map.copyOf(units);
    }
}
