package org.kpi.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kpi.common.ledger.LedgerImport;
import org.kpi.common.ledger.LedgerLimits;
import org.kpi.common.ledger.LedgerProblems;
import org.kpi.common.ledger.Workbooks;
import org.kpi.common.org.OrgNode;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.CellError;
import org.kpi.common.web.TextRules;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.web.ETags;
import org.kpi.task.tasks.Milestone;
import org.kpi.task.tasks.MilestoneInput;
import org.kpi.task.tasks.Quantity;
import org.kpi.task.tasks.ReportingCadence;
import org.kpi.task.tasks.Task;
import org.kpi.task.tasks.TaskAccess;
import org.kpi.task.tasks.TaskAction;
import org.kpi.task.tasks.TaskCreate;
import org.kpi.task.tasks.TaskFilter;
import org.kpi.task.tasks.TaskPatch;
import org.kpi.task.tasks.TaskSearch;
import org.kpi.task.tasks.TaskService;
import org.kpi.task.tasks.TaskView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The task ledger (台账): the filtered list exported to {@code .xlsx} with Chinese headers, each
 * row carrying the task's number (任务编号) and version (版本); and an {@code .xlsx} imported
 * all-or-nothing — a row without a number creates a draft task, a row with a number and the
 * version it was exported with updates that task (a row identical to the task writes nothing),
 * and a row whose task was edited since the export is refused (409) instead of reverting it.
 *
 * <p>The workbook is parsed without any transaction, the rows are checked with the rules of
 * {@code POST}/{@code PATCH /tasks} in a short read, and everything is written in one
 * transaction, flushed and cleared a batch of rows at a time.
 */
@ApplicationScoped
public class LedgerService {

    private static final String LIST_SEPARATORS = "[,，、;；\\s]+";
    private static final String MILESTONE_SEPARATORS = "[;；\\n]+";
    private static final String DONE_MARK = "（已完成）";

    @Inject
    TaskSearch search;

    @Inject
    TaskService tasks;

    @Inject
    TaskAccess access;

    @Inject
    OrgTree tree;

    @Inject
    Validator validator;

    @Inject
    LedgerLimits limits;

    @Inject
    EntityManager em;

    /** One data row as read from the sheet, with the cells that could not be read. */
    record LedgerRow(int row, Long id, Long version, TaskCreate request, List<CellError> unreadable) {
    }

    private enum Action { CREATE, UPDATE, UNCHANGED }

    /** A checked row: a new task built and checked, or an existing task's id, version and patch. */
    private record Planned(LedgerRow row, Action action, Task built, TaskPatch patch) {
    }

    /** Exports the filtered tasks within the caller's scope; more than the cap is refused, never cut. */
    @Transactional
    public byte[] export(TaskFilter filter) {
        if (search.count(filter) > limits.maxRows()) {
            throw LedgerProblems.exportTooLarge(limits.maxRows());
        }
        List<Task> found = search.find(filter, 0, limits.maxRows());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("任务台账");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (LedgerColumn column : LedgerColumn.values()) {
                Cell cell = header.createCell(column.ordinal());
                cell.setCellValue(column.header());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(column.ordinal(), column.width() * 2 * 256);
            }
            sheet.createFreezePane(0, 1);
            int rowIndex = 1;
            for (Task task : found) {
                write(sheet.createRow(rowIndex++), tasks.view(task));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Ledger cannot be written", e);
        }
    }

    private void write(Row row, TaskView task) {
        Map<LedgerColumn, Object> values = new EnumMap<>(LedgerColumn.class);
        values.put(LedgerColumn.ID, task.id());
        values.put(LedgerColumn.TITLE, task.title());
        values.put(LedgerColumn.DESCRIPTION, task.description());
        values.put(LedgerColumn.CATEGORY, task.category());
        values.put(LedgerColumn.SOURCE, task.source());
        values.put(LedgerColumn.ORG_UNIT, task.orgUnitCode());
        values.put(LedgerColumn.LEAD_UNIT, task.leadUnitCode());
        values.put(LedgerColumn.LEAD_UNIT_NAME, tree.node(task.leadUnitCode()).map(OrgNode::name).orElse(""));
        values.put(LedgerColumn.CO_UNITS, String.join("、", task.coUnitCodes()));
        values.put(LedgerColumn.RESPONSIBLE_LEADER, task.responsibleLeader());
        values.put(LedgerColumn.START_DATE, task.startDate() == null ? null : task.startDate().toString());
        values.put(LedgerColumn.DUE_DATE, task.dueDate().toString());
        values.put(LedgerColumn.CADENCE, task.reportingCadence().label());
        values.put(LedgerColumn.QUANTITY, task.quantity() == null ? null : task.quantity().value());
        values.put(LedgerColumn.QUANTITY_UNIT, task.quantity() == null ? null : task.quantity().unit());
        values.put(LedgerColumn.MILESTONES, task.milestones().stream()
                .map(m -> m.title() + "@" + m.dueDate() + (m.completed() ? DONE_MARK : ""))
                .collect(Collectors.joining("；")));
        values.put(LedgerColumn.TARGET_ID, task.targetId());
        values.put(LedgerColumn.STATUS, task.status().label());
        values.put(LedgerColumn.COLOUR, task.colour().label());
        values.put(LedgerColumn.OVERDUE, task.overdue() ? "是（" + task.daysOverdue() + " 天）" : "否");
        values.put(LedgerColumn.PERCENT_DONE, task.percentDone());
        values.put(LedgerColumn.QUANTITY_REACHED, task.quantityReached());
        values.put(LedgerColumn.VERSION, task.version());
        values.forEach((column, value) -> {
            if (value == null) {
                return;
            }
            Cell cell = row.createCell(column.ordinal());
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        });
    }

    /** Imports a ledger: parse (no transaction), check (a short read), write (one transaction). */
    public ImportResult importTasks(Path file) {
        return LedgerImport.run("Task ledger", limits, () -> read(file), this::check, this::write);
    }

    /** Reads every data row of the first sheet with POI only: no database, no transaction. */
    List<LedgerRow> read(Path file) {
        try (XSSFWorkbook workbook = Workbooks.open(file, limits)) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            Row header = sheet == null ? null : sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw LedgerProblems.invalidCells(List.of(new CellError(1, "", "工作表为空，第一行应为表头")));
            }
            List<CellError> missing = new ArrayList<>();
            Map<LedgerColumn, Integer> columns = columns(header, missing);
            if (!missing.isEmpty()) {
                throw LedgerProblems.invalidCells(missing);
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            return LedgerImport.dataRows(sheet, header, limits, row -> isBlank(row, columns, formatter),
                    row -> parse(row, columns, formatter), "表格中没有任务");
        } catch (IOException e) {
            throw new UncheckedIOException("Workbook could not be closed", e);
        }
    }

    /**
     * Checks every row: a new task with the rules of {@code POST /tasks} (Bean Validation and
     * {@link TaskService#newTask}), an existing one for visibility, supervision, its version, and
     * the rules of {@code PATCH /tasks/{id}}. Bad cells reject the file (422), then stale rows (409).
     */
    private List<Planned> check(List<LedgerRow> rows) {
        List<CellError> errors = new ArrayList<>();
        List<CellError> stale = new ArrayList<>();
        List<Planned> plan = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        preload(rows);
        for (LedgerRow row : rows) {
            errors.addAll(row.unreadable());
            if (!row.unreadable().isEmpty()) {
                continue;
            }
            int before = errors.size();
            if (row.id() == null) {
                if (row.version() != null) {
                    errors.add(new CellError(row.row(), LedgerColumn.VERSION.header(),
                            "新任务的版本请留空；修改已有任务需填写任务编号"));
                }
                for (ConstraintViolation<TaskCreate> violation : validator.validate(row.request())) {
                    errors.add(cellError(row, violation.getPropertyPath().toString(), violation.getMessage()));
                }
                if (errors.size() > before) {
                    continue;
                }
                try {
                    plan.add(new Planned(row, Action.CREATE, tasks.newTask(row.request()), null));
                } catch (ProblemException e) {
                    errors.addAll(cellErrors(row, e));
                }
                continue;
            }
            String idColumn = LedgerColumn.ID.header();
            Task task = em.find(Task.class, row.id());
            if (task == null || !access.canRead(task)) {
                errors.add(new CellError(row.row(), idColumn, "任务 " + row.id() + " 不存在或无权查看"));
                continue;
            }
            if (!access.canSupervise(task)) {
                errors.add(new CellError(row.row(), idColumn, "只有本辖区的督查人员可以修改任务 " + row.id()));
                continue;
            }
            if (!seen.add(row.id())) {
                errors.add(new CellError(row.row(), idColumn, "与前面的行重复（同一任务编号）"));
                continue;
            }
            if (row.version() == null) {
                errors.add(new CellError(row.row(), LedgerColumn.VERSION.header(), "修改已有任务需填写导出时的版本"));
                continue;
            }
            if (row.version() != task.version) {
                stale.add(LedgerProblems.staleRow(row.row(), row.version(), task.version));
                continue;
            }
            if (unchanged(task, row.request())) {
                plan.add(new Planned(row, Action.UNCHANGED, null, null));
                continue;
            }
            if (!TaskAction.EDIT.allowedFrom(task.status)) {
                errors.add(new CellError(row.row(), idColumn, "任务状态为“" + task.status.label() + "”，不能修改"));
                continue;
            }
            if (row.request().orgUnitCode() != null && !row.request().orgUnitCode().equals(task.orgUnitCode)) {
                errors.add(new CellError(row.row(), LedgerColumn.ORG_UNIT.header(), "任务的所属单位不可修改"));
            }
            TaskPatch patch = patchOf(task, row);
            for (ConstraintViolation<TaskPatch> violation : validator.validate(patch)) {
                errors.add(cellError(row, violation.getPropertyPath().toString(), violation.getMessage()));
            }
            if (row.request().title() == null) {
                errors.add(new CellError(row.row(), LedgerColumn.TITLE.header(), "任务名称不能为空"));
            }
            if (row.request().leadUnitCode() == null) {
                errors.add(new CellError(row.row(), LedgerColumn.LEAD_UNIT.header(), "牵头单位不能为空"));
            }
            if (row.request().dueDate() == null) {
                errors.add(new CellError(row.row(), LedgerColumn.DUE_DATE.header(), "完成时限不能为空"));
            }
            if (errors.size() == before) {
                plan.add(new Planned(row, Action.UPDATE, null, patch));
            }
        }
        if (!errors.isEmpty()) {
            throw LedgerProblems.invalidCells(errors);
        }
        if (!stale.isEmpty()) {
            throw LedgerProblems.staleRows(stale);
        }
        return plan;
    }

    /**
     * Loads the tasks the rows name, a thousand per query, into the persistence context, so that
     * checking each row finds its task there instead of with a query of its own.
     */
    private void preload(List<LedgerRow> rows) {
        List<Long> ids = rows.stream().map(LedgerRow::id).filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createQuery("from Task t where t.id in :ids", Task.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .getResultList();
        }
    }

    /**
     * Writes the checked rows in one transaction, {@link LedgerLimits#batchSize()} at a time,
     * flushing and clearing the persistence context after each batch. Versions are checked again
     * first, inside this transaction; an update the task service refuses fails the whole import.
     */
    private ImportResult write(List<Planned> plan) {
        List<CellError> stale = new ArrayList<>();
        List<Planned> existing = plan.stream().filter(p -> p.action() != Action.CREATE).toList();
        for (int from = 0; from < existing.size(); from += 1000) {
            List<Planned> chunk = existing.subList(from, Math.min(existing.size(), from + 1000));
            Map<Long, Long> versions = new HashMap<>();
            for (Object[] t : em.createQuery("select t.id, t.version from Task t where t.id in :ids", Object[].class)
                    .setParameter("ids", chunk.stream().map(p -> p.row().id()).toList()).getResultList()) {
                versions.put((Long) t[0], (Long) t[1]);
            }
            for (Planned p : chunk) {
                long current = versions.getOrDefault(p.row().id(), -1L);
                if (current != p.row().version()) {
                    stale.add(current < 0 ? LedgerProblems.staleRow(p.row().row(), p.row().version())
                            : LedgerProblems.staleRow(p.row().row(), p.row().version(), current));
                }
            }
        }
        if (!stale.isEmpty()) {
            throw LedgerProblems.staleRows(stale);
        }
        List<Long> ids = new ArrayList<>();
        int updated = 0;
        for (int from = 0; from < plan.size(); from += limits.batchSize()) {
            for (Planned p : plan.subList(from, Math.min(plan.size(), from + limits.batchSize()))) {
                if (p.action() == Action.CREATE) {
                    ids.add(tasks.persistNew(p.built()).id);
                } else if (p.action() == Action.UPDATE) {
                    try {
                        tasks.patch(p.row().id(), p.patch(), ETags.of(p.row().version()));
                    } catch (ProblemException e) {
                        if (LedgerProblems.isStale(e)) {
                            throw LedgerProblems.staleRows(List.of(LedgerProblems.staleRow(p.row().row(), p.row().version())));
                        }
                        throw LedgerProblems.invalidCells(cellErrors(p.row(), e));
                    }
                    updated++;
                }
            }
            em.flush();
            em.clear();
        }
        return new ImportResult(plan.size(), ids, ids.size(), updated, plan.size() - ids.size() - updated);
    }

    /** Whether the row says exactly what the task holds (then nothing is written for it). */
    private static boolean unchanged(Task task, TaskCreate row) {
        Quantity quantity = row.quantity();
        boolean sameQuantity = quantity == null ? task.quantityValue == null
                : task.quantityValue != null && task.quantityValue.compareTo(quantity.value()) == 0
                && Objects.equals(trimToNull(quantity.unit()), task.quantityUnit);
        List<String> milestones = task.milestones.stream().map(m -> m.title + "@" + m.dueDate).toList();
        List<String> rowMilestones = row.milestones() == null ? List.of()
                : row.milestones().stream().map(m -> m.title() + "@" + m.dueDate()).toList();
        List<String> co = row.coUnitCodes() == null ? List.of() : row.coUnitCodes().stream().sorted().toList();
        ReportingCadence cadence = row.reportingCadence() == null ? ReportingCadence.NONE : row.reportingCadence();
        return Objects.equals(trimToNull(row.title()), task.title)
                && Objects.equals(trimToNull(row.description()), trimToNull(task.description))
                && Objects.equals(trimToNull(row.category()), task.category)
                && Objects.equals(trimToNull(row.source()), task.source)
                && (row.orgUnitCode() == null || row.orgUnitCode().equals(task.orgUnitCode))
                && Objects.equals(row.leadUnitCode(), task.leadUnitCode)
                && co.equals(task.coUnitCodes())
                && Objects.equals(trimToNull(row.responsibleLeader()), task.responsibleLeader)
                && Objects.equals(row.startDate(), task.startDate)
                && Objects.equals(row.dueDate(), task.dueDate)
                && cadence == task.reportingCadence
                && sameQuantity
                && Objects.equals(row.targetId(), task.targetId)
                && rowMilestones.equals(milestones);
    }

    /**
     * The patch that makes the task say what the row says. Empty text cells clear the field; an
     * empty start date or quantity keeps the task's (PATCH cannot clear them). Milestones keep
     * their identity (and completion) when the row names them by the same title.
     */
    private static TaskPatch patchOf(Task task, LedgerRow row) {
        TaskCreate r = row.request();
        List<MilestoneInput> milestones = null;
        List<MilestoneInput> wanted = r.milestones() == null ? List.of() : r.milestones();
        List<String> current = task.milestones.stream().map(m -> m.title + "@" + m.dueDate).toList();
        if (!wanted.stream().map(m -> m.title() + "@" + m.dueDate()).toList().equals(current)) {
            List<Milestone> unused = new ArrayList<>(task.milestones);
            milestones = new ArrayList<>();
            for (MilestoneInput input : wanted) {
                Milestone same = unused.stream().filter(m -> m.title.equals(input.title())).findFirst().orElse(null);
                if (same != null) {
                    unused.remove(same);
                }
                milestones.add(new MilestoneInput(same == null ? null : same.id, input.title(), input.dueDate()));
            }
        }
        return new TaskPatch(r.title(), orClear(r.description(), task.description), orClear(r.category(), task.category),
                orClear(r.source(), task.source), r.leadUnitCode(), r.coUnitCodes() == null ? List.of() : r.coUnitCodes(),
                orClear(r.responsibleLeader(), task.responsibleLeader), r.startDate(), r.dueDate(),
                r.reportingCadence() == null ? ReportingCadence.NONE : r.reportingCadence(), r.quantity(),
                r.targetId() != null ? r.targetId() : task.targetId == null ? null : Long.valueOf(0),
                milestones, null);
    }

    /** The row's text, or "" to clear a value the task has, or null to leave an absent one absent. */
    private static String orClear(String value, String existing) {
        if (value != null) {
            return value;
        }
        return existing == null ? null : "";
    }

    private static CellError cellError(LedgerRow row, String field, String message) {
        return new CellError(row.row(), columnOf(field), message);
    }

    private static List<CellError> cellErrors(LedgerRow row, ProblemException e) {
        List<CellError> errors = new ArrayList<>();
        List<?> fieldErrors = e.problem().errors();
        if (fieldErrors == null || fieldErrors.isEmpty()) {
            errors.add(new CellError(row.row(), "", e.problem().detail()));
        } else {
            for (Object error : fieldErrors) {
                if (error instanceof FieldError f) {
                    errors.add(cellError(row, f.field(), f.message()));
                }
            }
        }
        return errors;
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Map<LedgerColumn, Integer> columns(Row header, List<CellError> errors) {
        Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
        for (Cell cell : header) {
            LedgerColumn column = cell.getCellType() == CellType.STRING
                    ? LedgerColumn.byHeader(cell.getStringCellValue()) : null;
            if (column != null && !column.exportOnly()) {
                columns.put(column, cell.getColumnIndex());
            }
        }
        for (LedgerColumn required : List.of(LedgerColumn.TITLE, LedgerColumn.LEAD_UNIT, LedgerColumn.DUE_DATE)) {
            if (!columns.containsKey(required)) {
                errors.add(new CellError(header.getRowNum() + 1, required.header(),
                        "缺少必需的列“" + required.header() + "”"));
            }
        }
        return columns;
    }

    private static boolean isBlank(Row row, Map<LedgerColumn, Integer> columns, DataFormatter formatter) {
        for (int index : columns.values()) {
            Cell cell = row.getCell(index);
            if (cell != null && !formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static LedgerRow parse(Row row, Map<LedgerColumn, Integer> columns, DataFormatter formatter) {
        int rowNumber = row.getRowNum() + 1;
        List<CellError> errors = new ArrayList<>();
        Cells cells = new Cells(row, columns, formatter, rowNumber, errors);
        Long id = cells.whole(LedgerColumn.ID);
        Long version = cells.whole(LedgerColumn.VERSION);
        String title = cells.text(LedgerColumn.TITLE);
        LocalDate start = cells.date(LedgerColumn.START_DATE);
        LocalDate due = cells.date(LedgerColumn.DUE_DATE);
        ReportingCadence cadence = cells.cadence(LedgerColumn.CADENCE);
        BigDecimal quantity = cells.number(LedgerColumn.QUANTITY);
        String unit = cells.text(LedgerColumn.QUANTITY_UNIT);
        if (quantity != null && unit == null) {
            errors.add(new CellError(rowNumber, LedgerColumn.QUANTITY_UNIT.header(), "填写了目标数量时，计量单位不能为空"));
        }
        String coUnits = cells.text(LedgerColumn.CO_UNITS);
        List<String> co = coUnits == null ? List.of() : List.of(coUnits.trim().split(LIST_SEPARATORS));
        List<MilestoneInput> milestones = cells.milestones(LedgerColumn.MILESTONES);
        TaskCreate request = new TaskCreate(title, cells.text(LedgerColumn.DESCRIPTION), cells.text(LedgerColumn.CATEGORY),
                cells.text(LedgerColumn.SOURCE), cells.text(LedgerColumn.ORG_UNIT), cells.text(LedgerColumn.LEAD_UNIT),
                co, cells.text(LedgerColumn.RESPONSIBLE_LEADER), start, due, cadence,
                quantity == null ? null : new Quantity(quantity, unit), cells.whole(LedgerColumn.TARGET_ID),
                milestones, null);
        return new LedgerRow(rowNumber, id, version, request, errors);
    }

    /** The column header for a request field path such as {@code milestones[0].dueDate}. */
    static String columnOf(String field) {
        String root = field == null ? "" : field.replaceAll("[\\[.].*$", "");
        LedgerColumn column = switch (root) {
            case "title" -> LedgerColumn.TITLE;
            case "description" -> LedgerColumn.DESCRIPTION;
            case "category" -> LedgerColumn.CATEGORY;
            case "source" -> LedgerColumn.SOURCE;
            case "orgUnitCode" -> LedgerColumn.ORG_UNIT;
            case "leadUnitCode" -> LedgerColumn.LEAD_UNIT;
            case "coUnitCodes" -> LedgerColumn.CO_UNITS;
            case "responsibleLeader" -> LedgerColumn.RESPONSIBLE_LEADER;
            case "startDate" -> LedgerColumn.START_DATE;
            case "dueDate" -> LedgerColumn.DUE_DATE;
            case "reportingCadence" -> LedgerColumn.CADENCE;
            case "quantity" -> field.endsWith("unit") ? LedgerColumn.QUANTITY_UNIT : LedgerColumn.QUANTITY;
            case "targetId" -> LedgerColumn.TARGET_ID;
            case "milestones" -> LedgerColumn.MILESTONES;
            default -> null;
        };
        return column == null ? field : column.header();
    }

    /** Reads typed values from the cells of one row, recording errors by column. */
    private static final class Cells {

        private final Row row;
        private final Map<LedgerColumn, Integer> columns;
        private final DataFormatter formatter;
        private final int rowNumber;
        private final List<CellError> errors;

        Cells(Row row, Map<LedgerColumn, Integer> columns, DataFormatter formatter, int rowNumber,
              List<CellError> errors) {
            this.row = row;
            this.columns = columns;
            this.formatter = formatter;
            this.rowNumber = rowNumber;
            this.errors = errors;
        }

        Cell cell(LedgerColumn column) {
            Integer index = columns.get(column);
            return index == null ? null : row.getCell(index);
        }

        String text(LedgerColumn column) {
            Cell cell = cell(column);
            if (cell == null) {
                return null;
            }
            String value = formatter.formatCellValue(cell).trim();
            if (value.isEmpty()) {
                return null;
            }
            // the same text rules as the JSON API: only the description may span lines
            String problem = TextRules.problemWith(value, column != LedgerColumn.DESCRIPTION);
            if (problem != null) {
                errors.add(new CellError(rowNumber, column.header(), problem));
                return null;
            }
            return value;
        }

        LocalDate date(LedgerColumn column) {
            Cell cell = cell(column);
            if (cell == null) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            String text = text(column);
            return text == null ? null : parseDate(column, text);
        }

        LocalDate parseDate(LedgerColumn column, String text) {
            try {
                return LocalDate.parse(text.replace('/', '-').replace('.', '-'));
            } catch (DateTimeParseException e) {
                errors.add(new CellError(rowNumber, column.header(), "“" + text + "”不是日期，应为 yyyy-MM-dd"));
                return null;
            }
        }

        BigDecimal number(LedgerColumn column) {
            Cell cell = cell(column);
            if (cell == null) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                return BigDecimal.valueOf(cell.getNumericCellValue());
            }
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                errors.add(new CellError(rowNumber, column.header(), "“" + text + "”不是数字"));
                return null;
            }
        }

        /** A whole number such as a task number or version; null when the cell is empty. */
        Long whole(LedgerColumn column) {
            BigDecimal value = number(column);
            if (value == null) {
                return null;
            }
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                errors.add(new CellError(rowNumber, column.header(), "应为整数"));
                return null;
            }
        }

        ReportingCadence cadence(LedgerColumn column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            for (ReportingCadence cadence : ReportingCadence.values()) {
                if (cadence.name().equalsIgnoreCase(text) || cadence.label().equals(text)) {
                    return cadence;
                }
            }
            errors.add(new CellError(rowNumber, column.header(), "“" + text + "”无效，可选：不调度、周调度、月汇总"));
            return null;
        }

        List<MilestoneInput> milestones(LedgerColumn column) {
            String text = text(column);
            if (text == null) {
                return List.of();
            }
            List<MilestoneInput> milestones = new ArrayList<>();
            for (String part : text.split(MILESTONE_SEPARATORS)) {
                if (part.isBlank()) {
                    continue;
                }
                int at = part.lastIndexOf('@');
                if (at <= 0) {
                    errors.add(new CellError(rowNumber, column.header(), "节点“" + part.trim() + "”应写作 名称@yyyy-MM-dd"));
                    continue;
                }
                String datePart = part.substring(at + 1).replace(DONE_MARK, "").trim();
                LocalDate date = parseDate(column, datePart);
                if (date != null) {
                    milestones.add(new MilestoneInput(null, part.substring(0, at).trim(), date));
                }
            }
            return milestones;
        }
    }
}
