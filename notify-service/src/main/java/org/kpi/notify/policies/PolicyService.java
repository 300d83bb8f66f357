package org.kpi.notify.policies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.ETags;
import org.kpi.notify.NativeRows;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and writes reminder policies, and resolves the one in force for a unit. */
@ApplicationScoped
public class PolicyService {

    /** The scope code of the policy every unit falls back on. */
    public static final String DEFAULT = "default";
    static final QuietHours DEFAULT_QUIET_HOURS = new QuietHours("22:00", "07:30");
    private static final String ENTITY = "reminder-policy";
    private static final TypeReference<List<StepKind>> SMS_KINDS = new TypeReference<>() {
    };
    private static final TypeReference<List<LadderStep>> STEPS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Every policy and the org tree, for resolving many units at once. */
    @Transactional
    public PolicyBook book() {
        Map<String, StoredPolicy> policies = new HashMap<>();
        for (StoredPolicy policy : all()) {
            policies.put(policy.scopeCode(), policy);
        }
        Map<String, PolicyBook.OrgNode> units = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, name, type, path from org_unit").getResultList();
        for (Object[] row : rows) {
            units.put((String) row[0], new PolicyBook.OrgNode((String) row[0], (String) row[1], (String) row[2],
                    (String) row[3]));
        }
        return new PolicyBook(policies, units);
    }

    /** The policy in force for {@code scopeCode}, its own or inherited. */
    @Transactional
    public PolicyView view(String scopeCode) {
        requireReadable(scopeCode);
        Optional<StoredPolicy> own = find(scopeCode);
        if (own.isPresent()) {
            return view(own.get(), null);
        }
        StoredPolicy inherited = inherited(scopeCode);
        return new PolicyView(scopeCode, inherited.steps(), inherited.quietHours(), inherited.digest(),
                inherited.sms(), inherited.scopeCode(), 0, null, null);
    }

    @Transactional
    public PolicyView put(String scopeCode, PolicyUpdate update, String ifMatch) {
        requireWritable(scopeCode);
        validate(update);
        lockScope(scopeCode);
        Optional<StoredPolicy> current = find(scopeCode);
        Long expected = ifMatch != null && !ifMatch.isBlank() || update.getVersion() != null
                ? ETags.expectedVersion(ifMatch, update.getVersion()) : null;
        if (expected != null) {
            ETags.requireVersion(expected, current.map(StoredPolicy::version).orElse(0L));
        }
        QuietHours quiet = update.quietHoursGiven() ? update.getQuietHours() : DEFAULT_QUIET_HOURS;
        boolean digest = Boolean.TRUE.equals(update.getDigest());
        SmsRule sms = update.getSms() == null ? SmsRule.DEFAULT : update.getSms();
        long version = current.map(StoredPolicy::version).orElse(0L) + 1;
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into reminder_policy (scope_code, steps, quiet_start, quiet_end, digest, version,
                                                     updated_at, updated_by, sms_kinds, sms_daily_cap)
                        values (?1, cast(?2 as jsonb), cast(?3 as time), cast(?4 as time), ?5, ?6, ?7, ?8,
                                cast(?9 as jsonb), ?10)
                        on conflict (scope_code) do update
                           set steps = excluded.steps, quiet_start = excluded.quiet_start,
                               quiet_end = excluded.quiet_end, digest = excluded.digest,
                               sms_kinds = excluded.sms_kinds, sms_daily_cap = excluded.sms_daily_cap,
                               version = excluded.version, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by""")
                .setParameter(1, scopeCode)
                .setParameter(2, json(update.getSteps()))
                .setParameter(3, quiet == null ? null : quiet.start())
                .setParameter(4, quiet == null ? null : quiet.end())
                .setParameter(5, digest)
                .setParameter(6, version)
                .setParameter(7, now)
                .setParameter(8, caller.subject())
                .setParameter(9, json(sms.kinds()))
                .setParameter(10, sms.dailyCap())
                .executeUpdate();
        StoredPolicy saved = new StoredPolicy(scopeCode, update.getSteps(), quiet, digest, sms, version, now,
                caller.subject());
        PolicyView after = view(saved, null);
        audit.record(current.isPresent() ? "update" : "create", ENTITY, scopeCode, auditScope(scopeCode),
                current.map(p -> view(p, null)).orElse(null), after);
        return after;
    }

    /** Removes a unit's own policy, so it inherits again. */
    @Transactional
    public PolicyView delete(String scopeCode, String ifMatch) {
        requireWritable(scopeCode);
        if (DEFAULT.equals(scopeCode)) {
            throw ProblemException.invalid("orgUnitCode", "默认策略不能删除，只能修改");
        }
        StoredPolicy current = find(scopeCode).orElseThrow(() ->
                ProblemException.notFound("本单位没有单独设置的提醒策略"));
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireVersion(ETags.expectedVersion(ifMatch, null), current.version());
        }
        em.createNativeQuery("delete from reminder_policy where scope_code = ?1").setParameter(1, scopeCode)
                .executeUpdate();
        audit.record("delete", ENTITY, scopeCode, auditScope(scopeCode), view(current, null), null);
        return view(scopeCode);
    }

    private void validate(PolicyUpdate update) {
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> offsets = new HashSet<>();
        for (int i = 0; i < update.getSteps().size(); i++) {
            LadderStep step = update.getSteps().get(i);
            if (!offsets.add(step.offsetDays())) {
                errors.add(new FieldError("steps[" + i + "].offsetDays", "与前面的步骤重复：同一天只能有一步"));
            }
            if (step.parties().size() != new HashSet<>(step.parties()).size()) {
                errors.add(new FieldError("steps[" + i + "].notify", "通知对象重复"));
            }
        }
        QuietHours quiet = update.getQuietHours();
        if (quiet != null && quiet.start().equals(quiet.end())) {
            errors.add(new FieldError("quietHours", "开始与结束不能相同；不设免打扰请传 null"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void requireReadable(String scopeCode) {
        if (DEFAULT.equals(scopeCode)) {
            return;
        }
        requireKnown(scopeCode);
        scope.requireVisible(scopeCode, "组织机构 " + scopeCode);
    }

    private void requireWritable(String scopeCode) {
        if (DEFAULT.equals(scopeCode)) {
            if (!caller.isAdmin()) {
                throw ProblemException.forbidden("默认提醒策略只有管理员可以修改");
            }
            return;
        }
        requireReadable(scopeCode);
        if (!caller.isAdmin() && !caller.isSupervisor()) {
            throw ProblemException.forbidden("只有督查人员和管理员可以设置提醒策略");
        }
    }

    private void requireKnown(String scopeCode) {
        if (tree.find(scopeCode).isEmpty()) {
            throw ProblemException.notFound("组织机构 " + scopeCode + " 不存在或无权查看");
        }
    }

    private String auditScope(String scopeCode) {
        return DEFAULT.equals(scopeCode) ? caller.orgCode() : scopeCode;
    }

    /** Serialises writers of one scope, so two first-time PUTs cannot both see version 0. */
    private void lockScope(String scopeCode) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('reminder_policy:' || ?1))")
                .setParameter(1, scopeCode).getSingleResult();
    }

    private StoredPolicy inherited(String scopeCode) {
        String path = tree.pathOf(scopeCode).orElse("/");
        String[] codes = path.split("/");
        for (int i = codes.length - 2; i >= 0; i--) {
            if (!codes[i].isEmpty()) {
                Optional<StoredPolicy> up = find(codes[i]);
                if (up.isPresent()) {
                    return up.get();
                }
            }
        }
        return find(DEFAULT).orElseThrow();
    }

    private Optional<StoredPolicy> find(String scopeCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where scope_code = ?1").setParameter(1, scopeCode)
                .getResultList();
        return rows.stream().findFirst().map(this::stored);
    }

    private List<StoredPolicy> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT).getResultList();
        return rows.stream().map(this::stored).toList();
    }

    private static final String SELECT = "select scope_code, cast(steps as text), to_char(quiet_start, 'HH24:MI'), "
            + "to_char(quiet_end, 'HH24:MI'), digest, version, updated_at, updated_by, cast(sms_kinds as text), "
            + "sms_daily_cap from reminder_policy";

    private StoredPolicy stored(Object[] row) {
        try {
            QuietHours quiet = row[2] == null ? null
                    : new QuietHours(hhmm(row[2]), hhmm(row[3]));
            SmsRule sms = new SmsRule(mapper.readValue((String) row[8], SMS_KINDS), ((Number) row[9]).intValue());
            return new StoredPolicy((String) row[0], mapper.readValue((String) row[1], STEPS), quiet,
                    (Boolean) row[4], sms, ((Number) row[5]).longValue(), NativeRows.timestamp(row[6], ZoneOffset.UTC),
                    (String) row[7]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored ladder of " + row[0] + " cannot be read", e);
        }
    }

    /** Times are read as text: the JDBC time zone setting (UTC) would shift a {@code time} column. */
    private static String hhmm(Object time) {
        return (String) time;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PolicyView view(StoredPolicy policy, String inheritedFrom) {
        return new PolicyView(policy.scopeCode(), policy.steps(), policy.quietHours(), policy.digest(), policy.sms(),
                inheritedFrom,
                policy.version(), policy.updatedAt(), policy.updatedBy());
    }
}
