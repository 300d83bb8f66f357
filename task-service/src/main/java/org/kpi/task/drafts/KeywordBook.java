package org.kpi.task.drafts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.web.ETags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keyword → lead-unit mappings (牵头单位关键词), one per district or city: what its supervisors
 * saved, or — until they save one — the seed of {@code task-drafts/unit-keywords.txt} applied to
 * the departments under it by name (招商 → the department named …商务局).
 */
@ApplicationScoped
public class KeywordBook {

    private static final String SEED = "task-drafts/unit-keywords.txt";

    /** A seed line: keywords and the fragment of the department name they point to. */
    record SeedLine(List<String> keywords, String departmentName) {
    }

    @Inject
    EntityManager em;

    @Inject
    OrgTree tree;

    @Inject
    Clock clock;

    private final List<SeedLine> seed = readSeed();

    /** The mapping of {@code orgUnitCode}. Runs in the caller's transaction or its own. */
    public UnitKeywordsView view(String orgUnitCode) {
        Object[] set = set(orgUnitCode);
        if (set == null) {
            return new UnitKeywordsView(orgUnitCode, seeded(orgUnitCode), false, 0);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select keyword, unit_code from task_unit_keyword"
                        + " where org_unit_code = ?1 order by position")
                .setParameter(1, orgUnitCode)
                .getResultList();
        return new UnitKeywordsView(orgUnitCode,
                rows.stream().map(r -> new UnitKeyword((String) r[0], (String) r[1])).toList(), true,
                ((Number) set[0]).longValue());
    }

    /** Replaces the mapping of {@code orgUnitCode}; every unit must lie under it. */
    public UnitKeywordsView replace(String orgUnitCode, UnitKeywordsUpdate update, String ifMatch, String by) {
        Object[] set = set(orgUnitCode);
        long current = set == null ? 0 : ((Number) set[0]).longValue();
        ETags.requireVersionIfGiven(ifMatch, update.version(), current);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < update.keywords().size(); i++) {
            UnitKeyword k = update.keywords().get(i);
            String unit = k.unitCode().trim();
            if (!tree.isWithin(unit, orgUnitCode) || unit.equals(orgUnitCode)) {
                errors.add(new FieldError("keywords[" + i + "].unitCode", "单位 " + unit + " 不是 " + orgUnitCode + " 的下属单位"));
            }
            if (!seen.add(k.keyword().trim() + "\u0000" + unit)) {
                errors.add(new FieldError("keywords[" + i + "]", "关键词“" + k.keyword().trim() + "”与单位 " + unit + " 重复"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long next = current + 1;
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = set == null
                ? em.createNativeQuery("insert into task_unit_keyword_set (org_unit_code, version, updated_by, updated_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict (org_unit_code) do nothing")
                .setParameter(1, orgUnitCode).setParameter(2, next).setParameter(3, by).setParameter(4, now)
                .executeUpdate()
                : em.createNativeQuery("update task_unit_keyword_set set version = ?2, updated_by = ?3, updated_at = ?4"
                        + " where org_unit_code = ?1 and version = ?5")
                .setParameter(1, orgUnitCode).setParameter(2, next).setParameter(3, by).setParameter(4, now)
                .setParameter(5, current)
                .executeUpdate();
        if (changed != 1) {
            throw ProblemException.conflict("关键词已被他人修改，请刷新后重试");
        }
        em.createNativeQuery("delete from task_unit_keyword where org_unit_code = ?1").setParameter(1, orgUnitCode)
                .executeUpdate();
        int position = 0;
        for (UnitKeyword k : update.keywords()) {
            em.createNativeQuery("insert into task_unit_keyword (org_unit_code, position, keyword, unit_code)"
                            + " values (?1, ?2, ?3, ?4)")
                    .setParameter(1, orgUnitCode).setParameter(2, position++).setParameter(3, k.keyword().trim())
                    .setParameter(4, k.unitCode().trim())
                    .executeUpdate();
        }
        return view(orgUnitCode);
    }

    /** The suggester for drafts of {@code orgUnitCode}: its saved keywords, else the seed; read in a transaction of its own. */
    public UnitSuggester suggester(String orgUnitCode) {
        return QuarkusTransaction.joiningExisting().call(() -> new UnitSuggester(view(orgUnitCode).keywords()));
    }

    private Object[] set(String orgUnitCode) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select version from task_unit_keyword_set where org_unit_code = ?1")
                .setParameter(1, orgUnitCode)
                .getResultList();
        return rows.isEmpty() ? null : new Object[]{rows.get(0)};
    }

    /** The seed applied to the departments directly under {@code orgUnitCode}. */
    List<UnitKeyword> seeded(String orgUnitCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> departments = em.createNativeQuery("select code, name from org_unit where parent_code = ?1"
                        + " and type = 'DEPARTMENT' order by code")
                .setParameter(1, orgUnitCode)
                .getResultList();
        List<UnitKeyword> keywords = new ArrayList<>();
        for (SeedLine line : seed) {
            departments.stream().filter(d -> ((String) d[1]).contains(line.departmentName())).findFirst()
                    .ifPresent(d -> line.keywords().forEach(k -> keywords.add(new UnitKeyword(k, (String) d[0]))));
        }
        return keywords;
    }

    private static List<SeedLine> readSeed() {
        try (InputStream in = KeywordBook.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SEED);
            }
            List<SeedLine> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] parts = content.split("→");
                if (parts.length != 2) {
                    throw new IllegalStateException(SEED + ": a line needs keywords → department: " + content);
                }
                lines.add(new SeedLine(List.of(parts[0].strip().split("\\s+")), parts[1].strip()));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
