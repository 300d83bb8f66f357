package org.kpi.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.CellError;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.task.TaskConfig;
import org.kpi.task.tasks.MilestoneInput;
import org.kpi.task.tasks.Quantity;
import org.kpi.task.tasks.ReportingCadence;
import org.kpi.task.tasks.Task;
import org.kpi.task.tasks.TaskCreate;
import org.kpi.task.tasks.TaskFilter;
import org.kpi.task.tasks.TaskSearch;
import org.kpi.task.tasks.TaskService;
import org.kpi.task.tasks.TaskView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The task ledger (台账): the filtered list exported to {@code .xlsx} with Chinese headers, and
 * an {@code .xlsx} of new tasks imported all-or-nothing — every row is checked first, and one
 * error anywhere means nothing is created and every error is reported as {row, column, message}.
 */
@ApplicationScoped
public class LedgerService {

    private static final String LIST_SEPARATORS = "[,，、;；\\s]+";
    private static final String MILESTONE_SEPARATORS = "[;；\\n]+";

    @Inject
    TaskSearch search;

    @Inject
    TaskService tasks;

    @Inject
    OrgTree tree;

    @Inject
    Validator validator;

    @Inject
    TaskConfig config;

    @Transactional
    public byte[] export(TaskFilter filter) {
        long total = search.count(filter);
        if (total > config.maxLedgerRows()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "符合条件的任务有 " + total + " 条，超过导出上限 "
                    + config.maxLedgerRows() + " 条，请缩小筛选范围");
        }
        List<Task> found = search.find(filter, 0, config.maxLedgerRows());
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
            throw new IllegalStateException("Ledger cannot be written", e);
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
        values.put(LedgerColumn.LEAD_UNIT_NAME, tree.find(task.leadUnitCode()).map(u -> u.name).orElse(""));
        values.put(LedgerColumn.CO_UNITS, String.join("、", task.coUnitCodes()));
        values.put(LedgerColumn.RESPONSIBLE_LEADER, task.responsibleLeader());
        values.put(LedgerColumn.START_DATE, task.startDate() == null ? null : task.startDate().toString());
        values.put(LedgerColumn.DUE_DATE, task.dueDate().toString());
        values.put(LedgerColumn.CADENCE, task.reportingCadence().label());
        values.put(LedgerColumn.QUANTITY, task.quantity() == null ? null : task.quantity().value());
        values.put(LedgerColumn.QUANTITY_UNIT, task.quantity() == null ? null : task.quantity().unit());
        values.put(LedgerColumn.MILESTONES, task.milestones().stream()
                .map(m -> m.title() + "@" + m.dueDate() + (m.completed() ? "（已完成）" : ""))
                .collect(Collectors.joining("；")));
        values.put(LedgerColumn.TARGET_ID, task.targetId());
        values.put(LedgerColumn.STATUS, task.status().label());
        values.put(LedgerColumn.COLOUR, task.colour().label());
        values.put(LedgerColumn.OVERDUE, task.overdue() ? "是（" + task.daysOverdue() + " 天）" : "否");
        values.put(LedgerColumn.PERCENT_DONE, task.percentDone());
        values.put(LedgerColumn.QUANTITY_REACHED, task.quantityReached());
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

    /** Imports new tasks (as drafts) from an {@code .xlsx}; all or nothing. */
    @Transactional
    public ImportResult importTasks(Path file) {
        List<CellError> errors = new ArrayList<>();
        List<TaskCreate> requests = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            Row header = sheet == null ? null : sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw ProblemException.invalidCells(List.of(new CellError(1, "", "工作表为空，第一行应为表头")));
            }
            Map<LedgerColumn, Integer> columns = columns(header, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalidCells(errors);
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, columns, formatter)) {
                    continue;
                }
                if (requests.size() >= config.maxLedgerRows()) {
                    throw ProblemException.invalidCells(List.of(new CellError(r + 1, "",
                            "一次最多导入 " + config.maxLedgerRows() + " 行")));
                }
                TaskCreate request = parse(row, columns, formatter, errors);
                if (request != null) {
                    requests.add(request);
                    rowNumbers.add(r + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "无法读取表格，请上传 .xlsx 文件");
        }
        if (requests.isEmpty() && errors.isEmpty()) {
            throw ProblemException.invalidCells(List.of(new CellError(2, "", "表格中没有任务")));
        }
        List<Task> built = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            int rowNumber = rowNumbers.get(i);
            TaskCreate request = requests.get(i);
            int before = errors.size();
            for (ConstraintViolation<TaskCreate> violation : validator.validate(request)) {
                errors.add(new CellError(rowNumber, columnOf(violation.getPropertyPath().toString()),
                        violation.getMessage()));
            }
            if (errors.size() > before) {
                continue;
            }
            try {
                built.add(tasks.newTask(request));
            } catch (ProblemException e) {
                List<?> fieldErrors = e.problem().errors();
                if (fieldErrors == null || fieldErrors.isEmpty()) {
                    errors.add(new CellError(rowNumber, "", e.problem().detail()));
                } else {
                    for (Object error : fieldErrors) {
                        if (error instanceof FieldError f) {
                            errors.add(new CellError(rowNumber, columnOf(f.field()), f.message()));
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidCells(errors);
        }
        List<Long> ids = new ArrayList<>();
        for (Task task : built) {
            ids.add(tasks.persistNew(task).id);
        }
        return new ImportResult(ids.size(), ids);
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

    private TaskCreate parse(Row row, Map<LedgerColumn, Integer> columns, DataFormatter formatter,
                             List<CellError> errors) {
        int rowNumber = row.getRowNum() + 1;
        Cells cells = new Cells(row, columns, formatter, rowNumber, errors);
        int before = errors.size();
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
        if (errors.size() > before) {
            return null;
        }
        return new TaskCreate(title, cells.text(LedgerColumn.DESCRIPTION), cells.text(LedgerColumn.CATEGORY),
                cells.text(LedgerColumn.SOURCE), cells.text(LedgerColumn.ORG_UNIT), cells.text(LedgerColumn.LEAD_UNIT),
                co, cells.text(LedgerColumn.RESPONSIBLE_LEADER), start, due, cadence,
                quantity == null ? null : new Quantity(quantity, unit), cells.text(LedgerColumn.TARGET_ID),
                milestones);
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
            return value.isEmpty() ? null : value;
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
                String datePart = part.substring(at + 1).replace("（已完成）", "").trim();
                LocalDate date = parseDate(column, datePart);
                if (date != null) {
                    milestones.add(new MilestoneInput(null, part.substring(0, at).trim(), date));
                }
            }
            return milestones;
        }
    }
}
