package org.kpi.common;

import org.junit.jupiter.api.Test;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one scope predicate: the SQL and parameters it produces for each kind of caller. */
class ScopePredicateTest {

    @Test
    void anAdminSeesEveryRowWithoutAnyCondition() {
        ScopePredicate all = ScopePredicate.visiblePaths(Scope.EVERYTHING, "scope", "t.org_path");
        assertEquals("true", all.sql());
        assertEquals(Map.of(), all.parameters());
        assertEquals("true", ScopePredicate.visibleUnits(Scope.EVERYTHING, "scope", "a.scope_org").sql());
    }

    @Test
    void aSubtreeIsAByteRangeFromItsPathToThePathEndingAfterTheSlash() {
        ScopePredicate district = ScopePredicate.visiblePaths("/C1/D1/", "scope", "t.org_path");
        assertEquals("(t.org_path ~>=~ :scopeFrom and t.org_path ~<~ :scopeTo)", district.sql());
        assertEquals(Map.of("scopeFrom", "/C1/D1/", "scopeTo", "/C1/D10"), district.parameters());
    }

    @Test
    void theRangeHoldsExactlyTheSubtree() {
        String from = "/C1/D1/";
        String to = (String) ScopePredicate.visiblePaths(from, "s", "p").parameters().get("sTo");
        for (String inside : new String[]{"/C1/D1/", "/C1/D1/D1-FGJ/", "/C1/D1/D1_%/"}) {
            assertTrue(inside.compareTo(from) >= 0 && inside.compareTo(to) < 0, inside);
        }
        // a sibling whose code starts with the same characters, the parent and another branch
        for (String outside : new String[]{"/C1/D10/", "/C1/D1-X/", "/C1/", "/C1/D2/", "/C2/D1/"}) {
            assertTrue(outside.compareTo(from) < 0 || outside.compareTo(to) >= 0, outside);
        }
    }

    @Test
    void aRowIsVisibleWhenAnyOfItsColumnsIsInScope() {
        ScopePredicate target = ScopePredicate.visibleUnits("/C1/D1/", "scope", "t.org_unit_code",
                "t.responsible_unit_code");
        String units = "select scope_u.code from org_unit scope_u where "
                + "(scope_u.path ~>=~ :scopeFrom and scope_u.path ~<~ :scopeTo)";
        assertEquals("(t.org_unit_code in (" + units + ") or t.responsible_unit_code in (" + units + "))",
                target.sql());
        assertEquals(Map.of("scopeFrom", "/C1/D1/", "scopeTo", "/C1/D10"), target.parameters());
    }

    @Test
    void aCallerWithoutAKnownUnitSeesNothing() {
        ScopePredicate none = ScopePredicate.visiblePaths(Scope.NOTHING, "scope", "t.org_path");
        String from = (String) none.parameters().get("scopeFrom");
        String to = (String) none.parameters().get("scopeTo");
        assertEquals("/!/", from);
        // codes never hold '!', so no path falls in the range
        assertTrue("/A/".compareTo(to) >= 0 && "/".compareTo(from) < 0);
    }

    @Test
    void predicatesCombineAndShortCutTrueAndFalse() {
        ScopePredicate subtree = ScopePredicate.visiblePaths("/C1/", "scope", "t.org_path");
        ScopePredicate own = ScopePredicate.of("t.id in (select v.task_id from task_unit v where v.unit_code = :me)",
                Map.of("me", "D1-FGJ"));
        ScopePredicate either = subtree.or(own);
        assertEquals("((t.org_path ~>=~ :scopeFrom and t.org_path ~<~ :scopeTo) or "
                + "(t.id in (select v.task_id from task_unit v where v.unit_code = :me)))", either.sql());
        assertEquals(Map.of("scopeFrom", "/C1/", "scopeTo", "/C10", "me", "D1-FGJ"), either.parameters());
        assertSame(ScopePredicate.everything(), subtree.or(ScopePredicate.everything()));
        assertSame(subtree, ScopePredicate.nothing().or(subtree));
        assertSame(ScopePredicate.nothing(), subtree.and(ScopePredicate.nothing()));
        assertEquals("false", ScopePredicate.nothing().or(ScopePredicate.nothing()).sql());
    }

    @Test
    void parametersAreAddedToAQuerysOwnAndAClashIsRefused() {
        Map<String, Object> params = new HashMap<>();
        params.put("year", 2026);
        String sql = ScopePredicate.pathWithin("u.path", "/C1/", "p").addTo(params);
        assertEquals("(u.path ~>=~ :pFrom and u.path ~<~ :pTo)", sql);
        assertEquals(Map.of("year", 2026, "pFrom", "/C1/", "pTo", "/C10"), params);
        ScopePredicate other = ScopePredicate.pathWithin("u.path", "/C2/", "p");
        assertThrows(IllegalArgumentException.class, () -> other.addTo(params));
    }

    @Test
    void onlyMaterialisedPathsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> ScopePredicate.visiblePaths("C1", "s", "p"));
        assertThrows(IllegalArgumentException.class, () -> ScopePredicate.visiblePaths(null, "s", "p"));
        assertThrows(IllegalArgumentException.class, () -> ScopePredicate.visiblePaths("/C1/", "s"));
    }
}
