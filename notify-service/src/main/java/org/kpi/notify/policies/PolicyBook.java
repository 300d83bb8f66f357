package org.kpi.notify.policies;

import java.util.Map;
import java.util.Optional;

/**
 * Every stored policy and the org tree, read once: a sweep resolves the policy of thousands of
 * units without a query each. Resolution walks a unit's materialised path from itself up.
 */
public final class PolicyBook {

    private final Map<String, StoredPolicy> policies;
    private final Map<String, OrgNode> units;

    /** An org unit as the sweep needs it. */
    public record OrgNode(String code, String name, String type, String path) {
    }

    public PolicyBook(Map<String, StoredPolicy> policies, Map<String, OrgNode> units) {
        this.policies = policies;
        this.units = units;
    }

    /** The policy in force for {@code orgUnitCode}: its own, its nearest ancestor's, else the default. */
    public EffectivePolicy effective(String orgUnitCode) {
        OrgNode node = orgUnitCode == null ? null : units.get(orgUnitCode);
        if (node != null) {
            String[] codes = node.path().split("/");
            for (int i = codes.length - 1; i >= 0; i--) {
                StoredPolicy own = codes[i].isEmpty() ? null : policies.get(codes[i]);
                if (own != null) {
                    return own.effective();
                }
            }
        } else if (orgUnitCode != null && policies.containsKey(orgUnitCode)) {
            return policies.get(orgUnitCode).effective();
        }
        return policies.get(PolicyService.DEFAULT).effective();
    }

    /** The most negative offset of any ladder: how far ahead of a due date a sweep must look. */
    public int earliestOffset() {
        return policies.values().stream().mapToInt(p -> new EscalationLadder(p.steps()).firstOffset()).min().orElse(0);
    }

    public Optional<OrgNode> unit(String code) {
        return Optional.ofNullable(code == null ? null : units.get(code));
    }

    /** The nearest unit of {@code type} at or above {@code code} (its district, its city). */
    public Optional<OrgNode> ancestorOfType(String code, String type) {
        OrgNode node = code == null ? null : units.get(code);
        if (node == null) {
            return Optional.empty();
        }
        String[] codes = node.path().split("/");
        for (int i = codes.length - 1; i >= 0; i--) {
            OrgNode up = codes[i].isEmpty() ? null : units.get(codes[i]);
            if (up != null && type.equals(up.type())) {
                return Optional.of(up);
            }
        }
        return Optional.empty();
    }

    public String nameOf(String code) {
        OrgNode node = code == null ? null : units.get(code);
        return node == null ? code : node.name();
    }
}
