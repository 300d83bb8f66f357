package org.kpi.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.ProblemException;

/**
 * Object-level authorization by the org tree: a caller acts on its own org unit and everything
 * below it; {@code admin} acts on everything. Every service asks this before it reads or
 * changes an object that belongs to an org unit.
 */
@RequestScoped
public class Scope {

    /** The path prefix that matches every unit. */
    public static final String EVERYTHING = "/";

    /** A path prefix that matches no unit: {@code !} is never part of a code. */
    public static final String NOTHING = "/!/";

    @Inject
    Caller caller;

    @Inject
    OrgTree tree;

    /** The caller's subtree path, resolved once per request. */
    private String subtree;

    /** Whether the caller may act on objects of org unit {@code orgCode}. */
    public boolean covers(String orgCode) {
        if (caller.isAdmin()) {
            return true;
        }
        String own = caller.orgCode();
        return own != null && tree.isWithin(orgCode, own);
    }

    /**
     * The path prefix of the caller's subtree, for list queries. A caller whose org unit is not
     * (yet) known locally gets a prefix that matches only its own code.
     */
    public String subtreePath() {
        if (subtree == null) {
            subtree = resolveSubtree();
        }
        return subtree;
    }

    private String resolveSubtree() {
        if (caller.isAdmin()) {
            return EVERYTHING;
        }
        String own = caller.orgCode();
        if (own == null) {
            return NOTHING;
        }
        return tree.pathOf(own).orElse(OrgPath.of(null, own));
    }

    /**
     * What the caller may see among rows carrying materialised paths in {@code pathColumns}:
     * everything for an admin, else rows with any of them in the caller's subtree.
     */
    public ScopePredicate paths(String name, String... pathColumns) {
        return ScopePredicate.visiblePaths(subtreePath(), name, pathColumns);
    }

    /**
     * What the caller may see among rows carrying org-unit codes in {@code codeColumns}:
     * everything for an admin, else rows with any of them naming a unit of the caller's subtree.
     */
    public ScopePredicate units(String name, String... codeColumns) {
        return ScopePredicate.visibleUnits(subtreePath(), name, codeColumns);
    }

    /** Fails with 404 — not 403, so existence does not leak — when the caller cannot see {@code orgCode}. */
    public void requireVisible(String orgCode, String what) {
        if (!covers(orgCode)) {
            throw ProblemException.notFound(what + " 不存在或无权查看");
        }
    }

    /** Fails with 403 when the caller may see but not act on {@code orgCode}. */
    public void requireCovers(String orgCode, String message) {
        if (!covers(orgCode)) {
            throw ProblemException.forbidden(message);
        }
    }
}
