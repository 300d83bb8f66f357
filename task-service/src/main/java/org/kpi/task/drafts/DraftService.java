package org.kpi.task.drafts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.task.TaskConfig;
import org.kpi.task.drafts.extraction.Commitment;
import org.kpi.task.tasks.MilestoneInput;
import org.kpi.task.tasks.Quantity;
import org.kpi.task.tasks.Task;
import org.kpi.task.tasks.TaskCreate;
import org.kpi.task.tasks.TaskService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task drafts (任务分解): reads a plan into draft tasks, lets supervisors edit and delete them,
 * and publishes the good ones as DRAFT tasks — each once, however often the batch is published.
 * A batch belongs to an org unit; supervisors (and admins) whose scope covers it may work on it.
 */
@ApplicationScoped
public class DraftService {

    static final String ENTITY = "task-draft-batch";
    private static final int TITLE_FROM_TEXT = 30;
    private static final int CATEGORY_LENGTH = 64;
    private static final TypeReference<List<DraftMilestone>> MILESTONES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    Extraction extraction;

    @Inject
    KeywordBook keywords;

    @Inject
    TaskService tasks;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    TaskConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    Clock clock;

    // ------------------------------------------------------------------ extract

    /**
     * Reads {@code text} into a new batch of drafts. The reading runs outside any transaction; the
     * batch is saved in one.
     */
    public DraftBatchView extract(String text, LocalDate planDate, String orgUnitCode, String title, String sourceName) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("text", "计划正文不能为空");
        }
        int max = config.drafts().maxTextLength();
        if (text.length() > max) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                    "计划正文有 " + text.length() + " 字，超过上限 " + max + " 字：请分段提交");
        }
        String code = orgUnitCode == null || orgUnitCode.isBlank() ? caller.orgCode() : orgUnitCode.trim();
        OrgUnit org = QuarkusTransaction.joiningExisting().call(() -> tree.find(code).orElse(null));
        if (org == null || !scope.covers(code)) {
            throw ProblemException.invalid("orgUnitCode", "单位 " + code + " 不存在或不在本人辖区内");
        }
        LocalDate date = planDate != null ? planDate : LocalDate.now(clock);
        List<Commitment> found = extraction.extract(text, date);
        UnitSuggester suggester = keywords.suggester(org.code);
        String name = truncate(title != null && !title.isBlank() ? title.strip() : defaultTitle(text, sourceName), 64);
        return QuarkusTransaction.requiringNew().call(() -> save(org, date, text, name, sourceName, found, suggester));
    }

    /** Reads an uploaded plan (.docx or .txt) into a new batch. */
    public DraftBatchView extractFile(Path file, String fileName, LocalDate planDate, String orgUnitCode,
                                      String title) {
        byte[] bytes;
        try {
            // the size first: a file over the limit is never read into memory
            if (Files.size(file) > config.drafts().maxFileBytes()) {
                throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                        "文件超过 " + config.drafts().maxFileBytes() / (1024 * 1024) + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded plan cannot be read", e);
        }
        String text = PlanFiles.text(bytes, fileName);
        if (text.isBlank()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "文件中没有文字");
        }
        return extract(text, planDate, orgUnitCode, title, fileName);
    }

    private DraftBatchView save(OrgUnit org, LocalDate planDate, String text, String title, String sourceName,
                                List<Commitment> found, UnitSuggester suggester) {
        DraftBatch batch = new DraftBatch();
        batch.orgUnitCode = org.code;
        batch.orgPath = org.path;
        batch.title = title;
        batch.sourceName = sourceName == null ? null : truncate(sourceName, 200);
        batch.planDate = planDate;
        batch.text = text;
        batch.createdBy = caller.subject();
        batch.createdAt = OffsetDateTime.now(clock);
        em.persist(batch);
        int position = 0;
        List<TaskDraft> drafts = new ArrayList<>();
        for (Commitment c : found) {
            TaskDraft draft = new TaskDraft();
            draft.batchId = batch.id;
            draft.position = position++;
            draft.title = truncate(c.title(), 300);
            draft.sourceText = c.sourceText();
            draft.sourceStart = c.sourceStart();
            draft.sourceEnd = c.sourceEnd();
            draft.category = c.category() == null ? null : truncate(c.category(), CATEGORY_LENGTH);
            draft.dueDate = c.dueDate();
            draft.dueDateText = c.dueDateText() == null ? null : truncate(c.dueDateText(), 32);
            draft.milestones = json(c.milestones().stream()
                    .map(m -> new DraftMilestone(truncate(m.title(), 300), m.dueDate())).toList());
            if (c.quantity() != null) {
                draft.quantityValue = c.quantity().value();
                draft.quantityUnit = c.quantity().unit();
                draft.quantityQualifier = c.quantity().qualifier();
                draft.quantityMasked = c.quantity().masked();
            }
            UnitSuggester.Suggestion suggestion = suggester.suggest(c.sourceText());
            draft.suggestedLeadUnitCode = suggestion.lead();
            draft.suggestedCoUnitCodes = json(suggestion.coUnits());
            draft.confidence = BigDecimal.valueOf(c.confidence()).setScale(2, RoundingMode.HALF_UP);
            em.persist(draft);
            drafts.add(draft);
        }
        em.flush();
        DraftBatchView view = view(batch, drafts);
        audit.record("extract", ENTITY, Long.toString(batch.id), batch.orgUnitCode, null,
                Map.of("title", batch.title, "planDate", planDate.toString(), "drafts", drafts.size()));
        return view;
    }

    // ------------------------------------------------------------------ read

    @Transactional
    public DraftBatchView get(long batchId) {
        DraftBatch batch = visible(batchId, false);
        return view(batch, drafts(batch.id));
    }

    @Transactional
    public PageResult<DraftBatchSummary> list(String orgUnit, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        ScopePredicate visible = caller.isAdmin() ? ScopePredicate.everything() : scope.paths("scope", "b.org_path");
        StringBuilder where = new StringBuilder(" where ").append(visible.addTo(params));
        if (orgUnit != null && !orgUnit.isBlank()) {
            String path = tree.pathOf(orgUnit.trim()).orElse(Scope.NOTHING);
            where.append(" and ").append(ScopePredicate.pathWithin("b.org_path", path, "unit").addTo(params));
        }
        var query = em.createNativeQuery("select b.id, b.org_unit_code, b.title, b.plan_date, b.created_by, b.created_at,"
                + " (select count(*) from task_draft d where d.batch_id = b.id),"
                + " (select count(*) from task_draft d where d.batch_id = b.id and d.task_id is not null)"
                + " from task_draft_batch b" + where + " order by b.id desc");
        var count = em.createNativeQuery("select count(*) from task_draft_batch b" + where);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<DraftBatchSummary> items = rows.stream().map(r -> new DraftBatchSummary(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (LocalDate) r[3], ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), (String) r[4], ((java.time.Instant) r[5]).atOffset(java.time.ZoneOffset.UTC))).toList();
        return PageResult.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    // ------------------------------------------------------------------ edit

    @Transactional
    public DraftView patch(long batchId, long draftId, DraftPatch patch, String ifMatch) {
        DraftBatch batch = visible(batchId, false);
        TaskDraft draft = draft(batch, draftId, true);
        ETags.requireVersion(ETags.expectedVersion(ifMatch, patch.getVersion()), draft.version);
        requireUnpublished(draft);
        DraftView before = view(draft);
        List<FieldError> errors = new ArrayList<>();
        if (patch.getTitle() != null) {
            if (patch.getTitle().isBlank()) {
                errors.add(new FieldError("title", "任务名称不能为空"));
            }
            draft.title = patch.getTitle().strip();
        }
        if (patch.categoryGiven()) {
            draft.category = blankToNull(patch.getCategory());
        }
        if (patch.dueDateGiven()) {
            draft.dueDate = patch.getDueDate();
            draft.dueDateText = null;
        }
        if (patch.getMilestones() != null) {
            draft.milestones = json(patch.getMilestones());
        }
        if (patch.quantityGiven()) {
            DraftQuantity q = patch.getQuantity();
            if (q != null && q.value() == null && !q.masked()) {
                errors.add(new FieldError("quantity.value", "数量不能为空（原文隐去的数字请设 masked 为 true）"));
            }
            draft.quantityValue = q == null || q.masked() ? null : q.value();
            draft.quantityUnit = q == null ? null : q.unit().strip();
            draft.quantityQualifier = q == null ? null : blankToNull(q.qualifier());
            draft.quantityMasked = q != null && q.masked();
        }
        if (patch.leadGiven()) {
            draft.suggestedLeadUnitCode = blankToNull(patch.getSuggestedLeadUnitCode());
            if (draft.suggestedLeadUnitCode != null && !tree.isWithin(draft.suggestedLeadUnitCode, batch.orgUnitCode)) {
                errors.add(new FieldError("suggestedLeadUnitCode",
                        "单位 " + draft.suggestedLeadUnitCode + " 不属于 " + batch.orgUnitCode));
            }
        }
        if (patch.getSuggestedCoUnitCodes() != null) {
            List<String> co = patch.getSuggestedCoUnitCodes().stream().map(String::strip).distinct().toList();
            for (int i = 0; i < co.size(); i++) {
                if (!tree.isWithin(co.get(i), batch.orgUnitCode)) {
                    errors.add(new FieldError("suggestedCoUnitCodes[" + i + "]",
                            "单位 " + co.get(i) + " 不属于 " + batch.orgUnitCode));
                }
            }
            draft.suggestedCoUnitCodes = json(co);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        em.flush();
        DraftView after = view(draft);
        audit.record("update-draft", ENTITY, Long.toString(batch.id), batch.orgUnitCode, before, after);
        return after;
    }

    @Transactional
    public DraftBatchView delete(long batchId, long draftId, String ifMatch) {
        DraftBatch batch = visible(batchId, false);
        TaskDraft draft = draft(batch, draftId, true);
        ETags.requireVersionIfGiven(ifMatch, null, draft.version);
        requireUnpublished(draft);
        DraftView before = view(draft);
        em.remove(draft);
        em.flush();
        audit.record("delete-draft", ENTITY, Long.toString(batch.id), batch.orgUnitCode, before, null);
        return view(batch, drafts(batch.id));
    }

    // ------------------------------------------------------------------ publish

    /**
     * Publishes the drafts named as DRAFT tasks, all or none: a draft without a due date or a lead
     * unit, or one the task rules refuse, is a 400 naming it and nothing is published. Drafts
     * published before are answered with their task and made again never: the batch is locked,
     * so two publishes at once make each task once.
     */
    @Transactional
    public PublishResult publish(long batchId, PublishRequest request) {
        DraftBatch batch = visible(batchId, true);
        Map<Long, TaskDraft> byId = new LinkedHashMap<>();
        for (TaskDraft d : drafts(batch.id)) {
            byId.put(d.id, d);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Long> ids = request.draftIds().stream().distinct().toList();
        List<PublishResult.Item> items = new ArrayList<>();
        List<Map.Entry<TaskDraft, Task>> planned = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "draftIds[" + i + "]";
            TaskDraft draft = byId.get(ids.get(i));
            if (draft == null) {
                errors.add(new FieldError(field, "草稿 " + ids.get(i) + " 不在本批次中"));
                continue;
            }
            if (draft.taskId != null) {
                continue;
            }
            String name = "草稿“" + shortTitle(draft.title) + "”";
            if (draft.dueDate == null) {
                errors.add(new FieldError(field, name + "没有完成时限，请先填写"));
            }
            if (draft.suggestedLeadUnitCode == null) {
                errors.add(new FieldError(field, name + "没有牵头单位，请先填写"));
            }
            if (draft.dueDate == null || draft.suggestedLeadUnitCode == null) {
                continue;
            }
            TaskCreate create = taskOf(batch, draft);
            // the rules a task created by hand meets (lengths, numbers, at most 50 milestones)
            List<FieldError> invalid = validator.validate(create).stream()
                    .map(v -> new FieldError(field + "." + v.getPropertyPath(), name + "：" + v.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field)).toList();
            if (!invalid.isEmpty()) {
                errors.addAll(invalid);
                continue;
            }
            try {
                planned.add(Map.entry(draft, tasks.newTask(create)));
            } catch (ProblemException e) {
                List<?> causes = e.problem().errors();
                if (causes == null || causes.isEmpty()) {
                    errors.add(new FieldError(field, name + "：" + e.getMessage()));
                } else {
                    for (Object cause : causes) {
                        if (cause instanceof FieldError fe) {
                            errors.add(new FieldError(field + "." + fe.field(), name + "：" + fe.message()));
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, Long> made = new HashMap<>();
        for (Map.Entry<TaskDraft, Task> p : planned) {
            TaskDraft draft = p.getKey();
            Task task = p.getValue();
            task.sourceText = draft.sourceText;
            task.quantityQualifier = draft.quantityValue == null ? null : draft.quantityQualifier;
            tasks.persistNew(task);
            draft.taskId = task.id;
            draft.publishedAt = now;
            made.put(draft.id, task.id);
        }
        for (Long id : ids) {
            TaskDraft draft = byId.get(id);
            items.add(new PublishResult.Item(draft.id, draft.taskId, made.containsKey(draft.id)));
        }
        em.flush();
        if (!made.isEmpty()) {
            audit.record("publish", ENTITY, Long.toString(batch.id), batch.orgUnitCode, null,
                    Map.of("tasks", made));
        }
        return new PublishResult(items, made.size());
    }

    private TaskCreate taskOf(DraftBatch batch, TaskDraft draft) {
        List<MilestoneInput> milestones = milestones(draft).stream()
                .map(m -> new MilestoneInput(null, m.title(), m.dueDate())).toList();
        Quantity quantity = draft.quantityValue == null ? null
                : new Quantity(draft.quantityValue, draft.quantityUnit, draft.quantityQualifier);
        LocalDate start = batch.planDate.isAfter(draft.dueDate) ? draft.dueDate : batch.planDate;
        return new TaskCreate(draft.title, null, draft.category, batch.title, batch.orgUnitCode,
                draft.suggestedLeadUnitCode, codes(draft), null, start, draft.dueDate, null, quantity, null,
                milestones, null);
    }

    // ------------------------------------------------------------------ keywords

    @Transactional
    public UnitKeywordsView keywords(String orgUnit) {
        return keywords.view(keywordOwner(orgUnit));
    }

    @Transactional
    public UnitKeywordsView replaceKeywords(String orgUnit, UnitKeywordsUpdate update, String ifMatch) {
        String code = keywordOwner(orgUnit);
        UnitKeywordsView before = keywords.view(code);
        UnitKeywordsView after = keywords.replace(code, update, ifMatch, caller.subject());
        audit.record("update-keywords", "task-unit-keywords", code, code, before, after);
        return after;
    }

    private String keywordOwner(String orgUnit) {
        String code = orgUnit == null || orgUnit.isBlank() ? caller.orgCode() : orgUnit.trim();
        if (code == null || tree.find(code).isEmpty() || !scope.covers(code)) {
            throw ProblemException.invalid("orgUnit", "单位 " + code + " 不存在或不在本人辖区内");
        }
        return code;
    }

    // ------------------------------------------------------------------ helpers

    /** The batch if the caller may work on it, else 404 (an invisible batch is never confirmed to exist). */
    private DraftBatch visible(long batchId, boolean lock) {
        DraftBatch batch = lock ? em.find(DraftBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(DraftBatch.class, batchId);
        if (batch == null || !(caller.isAdmin() || scope.covers(batch.orgUnitCode))) {
            throw ProblemException.notFound("任务分解批次 " + batchId + " 不存在或无权查看");
        }
        return batch;
    }

    private TaskDraft draft(DraftBatch batch, long draftId, boolean lock) {
        TaskDraft draft = lock ? em.find(TaskDraft.class, draftId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(TaskDraft.class, draftId);
        if (draft == null || draft.batchId != batch.id) {
            throw ProblemException.notFound("批次 " + batch.id + " 中没有草稿 " + draftId);
        }
        return draft;
    }

    private static void requireUnpublished(TaskDraft draft) {
        if (draft.taskId != null) {
            throw ProblemException.conflict("草稿已发布为任务 " + draft.taskId + "，请到任务中修改");
        }
    }

    private List<TaskDraft> drafts(long batchId) {
        return em.createQuery("select d from TaskDraft d where d.batchId = :batch order by d.position", TaskDraft.class)
                .setParameter("batch", batchId)
                .getResultList();
    }

    private DraftBatchView view(DraftBatch batch, List<TaskDraft> drafts) {
        return new DraftBatchView(batch.id, batch.orgUnitCode, batch.title, batch.sourceName, batch.planDate, batch.text,
                drafts.stream().map(this::view).toList(), batch.createdBy, batch.createdAt);
    }

    DraftView view(TaskDraft d) {
        DraftQuantity quantity = d.quantityUnit == null ? null
                : new DraftQuantity(d.quantityValue == null ? null : Quantity.plain(d.quantityValue), d.quantityUnit,
                d.quantityQualifier, d.quantityMasked);
        return new DraftView(d.id, d.position, d.title, d.sourceText, d.sourceStart, d.sourceEnd, d.category, d.dueDate,
                d.dueDateText, milestones(d), quantity, d.suggestedLeadUnitCode, codes(d), d.confidence.doubleValue(),
                d.taskId, d.version);
    }

    private List<DraftMilestone> milestones(TaskDraft d) {
        return read(d.milestones, MILESTONES);
    }

    private List<String> codes(TaskDraft d) {
        return read(d.suggestedCoUnitCodes, CODES);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A draft's stored JSON cannot be read", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A draft cannot be written as JSON", e);
        }
    }

    /** The plan's name when none is given: the file's name, else the text's first line (cut short). */
    static String defaultTitle(String text, String sourceName) {
        if (sourceName != null && !sourceName.isBlank()) {
            String name = sourceName.strip();
            int dot = name.lastIndexOf('.');
            return truncate(dot > 0 ? name.substring(0, dot) : name, 64);
        }
        String first = text.strip().lines().map(PlanFiles::oneLine).filter(l -> !l.isEmpty()).findFirst().orElse("计划");
        return first.length() <= TITLE_FROM_TEXT ? first : first.substring(0, TITLE_FROM_TEXT) + "…";
    }

    private static String shortTitle(String title) {
        return title.length() <= 20 ? title : title.substring(0, 20) + "…";
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
