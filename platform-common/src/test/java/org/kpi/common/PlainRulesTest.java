package org.kpi.common;

import org.junit.jupiter.api.Test;
import org.kpi.common.events.Backoff;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.QueryParamConverters;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain rules under the platform: tree paths, back-off, paging and version checks. */
class PlainRulesTest {

    @Test
    void subtreeMembershipFollowsThePathPrefix() {
        String city = OrgPath.of(null, "370600");
        String district = OrgPath.of(city, "370602");
        String department = OrgPath.of(district, "370602-FGJ");
        assertEquals("/370600/370602/370602-FGJ/", department);
        assertTrue(OrgPath.isWithin(department, city));
        assertTrue(OrgPath.isWithin(district, district));
        assertFalse(OrgPath.isWithin(city, district));
        // a sibling whose code starts with the same characters is not inside
        assertFalse(OrgPath.isWithin(OrgPath.of(city, "3706021"), district));
    }

    @Test
    void likePatternEscapesWildcardsInCodes() {
        assertEquals("/A\\_B/C\\%D/%", OrgPath.likeSubtree("/A_B/C%D/"));
    }

    @Test
    void treeLevelsNestOnlyAsAllowed() {
        assertTrue(OrgUnitType.CITY.mayHaveParent(null));
        assertFalse(OrgUnitType.CITY.mayHaveParent(OrgUnitType.CITY));
        assertTrue(OrgUnitType.DISTRICT.mayHaveParent(OrgUnitType.CITY));
        assertFalse(OrgUnitType.DISTRICT.mayHaveParent(null));
        assertTrue(OrgUnitType.DEPARTMENT.mayHaveParent(OrgUnitType.DISTRICT));
        assertTrue(OrgUnitType.DEPARTMENT.mayHaveParent(OrgUnitType.CITY));
        assertFalse(OrgUnitType.DEPARTMENT.mayHaveParent(OrgUnitType.DEPARTMENT));
    }

    @Test
    void backoffDoublesUpToTheCeilingWithJitterInTheUpperHalf() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);
        assertEquals(Duration.ZERO, low.delayAfter(0));
        assertEquals(Duration.ofMillis(500), low.delayAfter(1));
        assertEquals(Duration.ofSeconds(1), high.delayAfter(1));
        assertEquals(Duration.ofSeconds(4), high.delayAfter(3));
        assertEquals(Duration.ofSeconds(30), high.delayAfter(10));
        assertEquals(Duration.ofSeconds(15), low.delayAfter(50));
    }

    @Test
    void pageParametersAreBounded() {
        assertEquals(new PageRequest(0, 20), page(null, null));
        assertEquals(new PageRequest(2, 100), page("2", "100"));
        assertThrows(ProblemException.class, () -> page("0", "101"));
        assertThrows(ProblemException.class, () -> page("x", "10"));
        assertThrows(ProblemException.class, () -> page("0", "0"));
        assertEquals(40, new PageRequest(2, 20).offset());
    }

    /** The page a request asks for, converted as the server converts PageParams' annotated fields. */
    private static PageRequest page(String page, String size) {
        PageParams params = new PageParams();
        params.page = pageParam("page", page);
        params.size = pageParam("size", size);
        return params.request();
    }

    private static Integer pageParam(String name, String raw) {
        try {
            java.lang.reflect.Field field = PageParams.class.getField(name);
            return new QueryParamConverters().getConverter(Integer.class, Integer.class, field.getAnnotations())
                    .fromString(raw);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ifMatchWinsOverTheBodyVersionAndStaleVersionsConflict() {
        assertEquals(3, ETags.expectedVersion("\"3\"", 9L));
        assertEquals(3, ETags.expectedVersion("W/\"3\"", null));
        assertEquals(9, ETags.expectedVersion(null, 9L));
        ProblemException missing = assertThrows(ProblemException.class, () -> ETags.expectedVersion(null, null));
        assertEquals(428, missing.problem().status());
        ProblemException stale = assertThrows(ProblemException.class, () -> ETags.requireVersion(2, 3));
        assertEquals(409, stale.problem().status());
        assertThrows(ProblemException.class, () -> ETags.expectedVersion("\"abc\"", null));
    }

    @Test
    void stateChangesNeedTheCurrentVersionInIfMatchAndIgnoreNoBodyVersion() {
        ETags.requireIfMatch("\"4\"", 4);
        ProblemException missing = assertThrows(ProblemException.class, () -> ETags.requireIfMatch(null, 4));
        assertEquals(428, missing.problem().status());
        assertEquals("urn:kpi:problem:precondition-required", missing.problem().type());
        ProblemException blank = assertThrows(ProblemException.class, () -> ETags.requireIfMatch(" ", 4));
        assertEquals(428, blank.problem().status());
        ProblemException stale = assertThrows(ProblemException.class, () -> ETags.requireIfMatch("\"3\"", 4));
        assertEquals("urn:kpi:problem:stale-version", stale.problem().type());
    }
}
