package org.kpi.goals.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgNode;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;
import org.kpi.goals.indicators.Direction;
import org.kpi.goals.indicators.Frequency;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorKind;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.ProgressService;
import org.kpi.goals.progress.ProgressView;
import org.kpi.goals.targets.Target;
import org.kpi.goals.targets.TargetRows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of an org unit's subtree for a year: every target (of the subtree's units, or
 * answered for by them) with its progress, counts per colour and the half-year check. A fixed
 * number of statements whatever the number of targets: the subtree's targets with their indicators, and
 * those its units answer for above it.
 */
@ApplicationScoped
public class DashboardService {

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    ProgressService progress;

    @Inject
    TargetRows rows;


    /** Read-only: no transaction, nothing managed, nothing flushed. */
    public DashboardView dashboard(String orgUnitCode, Integer yearParam) {
        String code = orgUnitCode != null ? orgUnitCode : caller.orgCode();
        OrgNode unit = tree.node(code).orElse(null);
        if (unit == null || !scope.covers(code)) {
            throw ProblemException.notFound("组织机构 " + code + " 不存在或无权查看");
        }
        LocalDate asOf = progress.today();
        int year = yearParam != null ? yearParam : asOf.getYear();
        Selection selection = targets(unit, year);
        List<Target> targets = selection.targets();
        Map<String, Indicator> indicators = selection.indicators();
        Map<Colour, Integer> counts = new EnumMap<>(Colour.class);
        for (Colour colour : Colour.values()) {
            counts.put(colour, 0);
        }
        List<DashboardView.Item> items = new ArrayList<>(targets.size());
        int reported = 0;
        int met = 0;
        for (Target t : targets) {
            Indicator indicator = indicators.get(t.indicatorCode);
            ProgressView p = progress.progress(t, indicator, asOf);
            counts.merge(p.colour(), 1, Integer::sum);
            Boolean halfYearMet = progress.halfYearMet(t, indicator);
            if (halfYearMet != null) {
                reported++;
                met += halfYearMet ? 1 : 0;
            }
            items.add(DashboardView.Item.of(t.id, t.indicatorCode, indicator.name, indicator.unit, t.orgUnitCode,
                    t.responsibleUnitCode, p, halfYearMet));
        }
        DashboardView.HalfYearCheck halfYear = reported == 0 ? null
                : new DashboardView.HalfYearCheck(reported, met, reported - met, targets.size() - reported,
                met == targets.size());
        return new DashboardView(unit.code(), unit.name(), year, asOf, targets.size(), counts, halfYear, items);
    }

    /** The targets a unit's dashboard shows, with their indicators by code. */
    public record Selection(List<Target> targets, Map<String, Indicator> indicators) {
    }

    /**
     * The targets of {@code unit}'s subtree for {@code year}, and those of its ancestors that a unit
     * in the subtree answers for: what its dashboard (and its documents) count.
     */
    public Selection targets(OrgNode unit, int year) {
        // the subtree's own targets, then those of its ancestors that a unit in the subtree answers
        // for (a responsible unit always lies inside its target's unit): two index-friendly halves
        Map<String, Object> own = new HashMap<>(Map.of("year", (short) year));
        String ownUnits = ScopePredicate.pathWithin("u.path", unit.path(), "p").addTo(own);
        List<TargetRows.Row> found = new ArrayList<>(rows.select(
                "join org_unit u on u.code = t.org_unit_code " + INDICATOR_JOIN, INDICATOR_COLUMNS,
                "t.year = :year and " + ownUnits, "t.org_unit_code, t.indicator_code, t.id", own));
        List<String> ancestors = ancestorsOf(unit.path(), unit.code());
        if (!ancestors.isEmpty()) {
            Map<String, Object> answered = new HashMap<>(Map.of("year", (short) year, "ancestors", ancestors));
            String responsibleUnits = ScopePredicate.pathWithin("r.path", unit.path(), "p").addTo(answered);
            found.addAll(rows.select("join org_unit r on r.code = t.responsible_unit_code " + INDICATOR_JOIN,
                    INDICATOR_COLUMNS, "t.year = :year and t.org_unit_code in (:ancestors) and " + responsibleUnits,
                    "t.org_unit_code, t.indicator_code, t.id", answered));
        }
        List<Target> targets = new ArrayList<>(found.size());
        Map<String, Indicator> indicators = new HashMap<>();
        for (TargetRows.Row row : found) {
            targets.add(row.target());
            indicators.computeIfAbsent(row.target().indicatorCode, indicatorCode -> indicator(indicatorCode, row.extra()));
        }
        return new Selection(targets, indicators);
    }

    /** The indicator of each target, read in the same statement: what progress and the items need. */
    private static final String INDICATOR_JOIN = "join indicator i on i.code = t.indicator_code";
    private static final String INDICATOR_COLUMNS =
            "i.name, i.unit, i.kind, i.direction, i.frequency, i.actuals_due_day, i.yellow_tolerance";

    private static Indicator indicator(String code, Object[] columns) {
        Indicator indicator = new Indicator();
        indicator.code = code;
        indicator.name = (String) columns[0];
        indicator.unit = (String) columns[1];
        indicator.kind = IndicatorKind.valueOf((String) columns[2]);
        indicator.direction = Direction.valueOf((String) columns[3]);
        indicator.frequency = Frequency.valueOf((String) columns[4]);
        indicator.actualsDueDay = ((Number) columns[5]).shortValue();
        indicator.yellowTolerance = (BigDecimal) columns[6];
        return indicator;
    }

    /** The codes above {@code code} on its path, root first. */
    static List<String> ancestorsOf(String path, String code) {
        List<String> codes = new ArrayList<>(List.of(path.substring(1, path.length() - 1).split("/")));
        codes.remove(code);
        return codes;
    }
}
