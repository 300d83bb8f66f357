package org.kpi.goals.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.common.ledger.LedgerImport;
import org.kpi.common.ledger.LedgerLimits;
import org.kpi.common.ledger.LedgerProblems;
import org.kpi.common.ledger.Workbooks;
import org.kpi.common.problem.CellError;
import org.kpi.common.web.TextRules;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Scope;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.targets.Target;
import org.kpi.goals.targets.TargetFilter;
import org.kpi.goals.targets.TargetRequest;
import org.kpi.goals.targets.TargetService;
import org.kpi.goals.targets.TargetView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The target ledger (目标台账) as an .xlsx workbook. The export's first columns are exactly what
 * the import reads, and its last column is each target's version, so an exported ledger, edited,
 * imports back, and a row edited by someone else since the export is refused instead of
 * silently reverted.
 *
 * <p>An import runs in three steps so that it never holds a transaction while it reads a file:
 * the workbook is parsed without any transaction; the rows are checked with the rules of
 * {@code POST /targets} (the request's Bean Validation and {@link TargetService#validate}) in
 * a short read-only transaction; then everything is written in one transaction, a batch of rows
 * at a time. It is all or nothing: any bad cell rejects the file with the list of them (422),
 * any stale row with the list of those (409), and nothing is written.
 */
@ApplicationScoped
public class TargetLedger {


    static final String INDICATOR = "指标代码";
    static final String ORG_UNIT = "所属单位代码";
    static final String YEAR = "年度";
    static final String COMMITTED = "确保值";
    static final String STRETCH = "力争值";
    static final String RESPONSIBLE = "责任单位代码";
    static final String VERSION = LedgerProblems.VERSION_COLUMN;
    static final List<String> HEADERS = List.of(INDICATOR, "指标名称", "单位", ORG_UNIT, YEAR, COMMITTED, STRETCH,
            RESPONSIBLE, "最新期次", "实绩", "完成率", "序时进度", "颜色", "实绩逾期", VERSION);

    /** The request field each importable column fills. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "indicatorCode", INDICATOR,
            "orgUnitCode", ORG_UNIT,
            "year", YEAR,
            "committedValue", COMMITTED,
            "stretchValue", STRETCH,
            "responsibleUnitCode", RESPONSIBLE);

    @Inject
    TargetService targets;

    @Inject
    IndicatorService indicators;

    @Inject
    Scope scope;

    @Inject
    Validator validator;

    @Inject
    LedgerLimits limits;

    @Inject
    EntityManager em;

    /**
     * Result of an accepted import: rows read, targets created, targets changed, and rows that
     * matched their target already (nothing written for those).
     */
    @Schema(name = "LedgerImportResult", description = "导入结果：读取行数、新建、修改、未变 · "
            + "Rows read, targets created, changed and unchanged")
    public record ImportResult(int rows, int created, int updated, int unchanged) {
    }

    /** One data row as read from the sheet, with the cells that could not be read. */
    record LedgerRow(int row, TargetRequest request, Long version, List<CellError> unreadable) {

        boolean unreadable(String column) {
            return unreadable.stream().anyMatch(e -> e.column().equals(column));
        }
    }

    /** What the import does with a checked row. */
    private enum Action { CREATE, UPDATE, UNCHANGED }

    /** A checked row: its action, and for an existing target its id and the version it was checked at. */
    private record Planned(LedgerRow row, Action action, Long targetId, long checkedVersion) {
    }

    /** The columns of an existing target that an import compares and writes. */
    private record Current(long id, long version, BigDecimal committed, BigDecimal stretch, String responsible) {
    }

    /** Exports the filtered targets within the caller's scope; more than the cap is refused, never cut. */
    public byte[] export(TargetFilter filter) {
        List<TargetView> rows = targets.listAll(filter, limits.maxRows() + 1);
        if (rows.size() > limits.maxRows()) {
            throw LedgerProblems.exportTooLarge(limits.maxRows());
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("目标台账");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, Math.max(8, HEADERS.get(c).length() * 2 + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (TargetView t : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(t.indicatorCode());
                row.createCell(c++).setCellValue(t.indicatorName());
                row.createCell(c++).setCellValue(t.unit());
                row.createCell(c++).setCellValue(t.orgUnitCode());
                row.createCell(c++).setCellValue(t.year());
                setNumber(row.createCell(c++), t.committedValue());
                setNumber(row.createCell(c++), t.stretchValue());
                row.createCell(c++).setCellValue(t.responsibleUnitCode());
                row.createCell(c++).setCellValue(t.progress().latestPeriod() == null ? "" : t.progress().latestPeriod());
                setNumber(row.createCell(c++), t.progress().actual());
                setRatio(row.createCell(c++), t.progress().completionRatio());
                setRatio(row.createCell(c++), t.progress().expectedRatio());
                row.createCell(c++).setCellValue(colourName(t.progress().colour()));
                row.createCell(c++).setCellValue(t.progress().actualsOverdue() ? "是" : "否");
                row.createCell(c).setCellValue(t.version());
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Ledger could not be written", e);
        }
    }

    /** Parses (no transaction), checks (a short read), then writes everything in one transaction. */
    public ImportResult importWorkbook(Path file) {
        return LedgerImport.run("Target ledger", limits, () -> read(file), this::check, this::write);
    }

    /**
     * Reads every data row of the first sheet, with POI only: no database, no transaction. Cells
     * that cannot be read are collected; any of them rejects the file, after the checks below
     * had a chance to report the rest.
     */
    List<LedgerRow> read(Path file) {
        try (XSSFWorkbook workbook = Workbooks.open(file, limits)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw LedgerProblems.invalidCells(List.of(new CellError(1, "", "工作簿没有工作表")));
            }
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = columns(header);
            List<CellError> missing = new ArrayList<>();
            for (String required : List.of(INDICATOR, ORG_UNIT, YEAR, COMMITTED, RESPONSIBLE)) {
                if (!columns.containsKey(required)) {
                    missing.add(new CellError(1, required, "缺少此列"));
                }
            }
            if (!missing.isEmpty()) {
                throw LedgerProblems.invalidCells(missing);
            }
            return LedgerImport.dataRows(sheet, header, limits, row -> blank(row, columns),
                    row -> readRow(row, columns, row.getRowNum() + 1), "表格中没有数据行");
        } catch (IOException e) {
            throw new UncheckedIOException("Workbook could not be closed", e);
        }
    }

    private static LedgerRow readRow(Row row, Map<String, Integer> columns, int shown) {
        RowReader reader = new RowReader(row, columns, shown, new ArrayList<>());
        TargetRequest request = new TargetRequest(reader.text(INDICATOR), reader.text(ORG_UNIT), reader.integer(YEAR),
                reader.number(COMMITTED), reader.number(STRETCH), reader.text(RESPONSIBLE), null, null);
        BigDecimal version = reader.number(VERSION);
        Long exported = null;
        if (version != null) {
            try {
                exported = version.longValueExact();
            } catch (ArithmeticException e) {
                reader.refuse(VERSION, "版本应为导出时的整数，新目标请留空");
            }
        }
        return new LedgerRow(shown, request, exported, reader.errors());
    }

    /**
     * Checks every row with the rules of {@code POST /targets}: first whether the caller may set
     * targets for the row's unit (so a unit outside the caller's scope is not told apart from a
     * missing one), then the request's Bean Validation and {@link TargetService#validate}; then
     * duplicates within the file and the version each row was exported with.
     */
    private List<Planned> check(List<LedgerRow> rows) {
        List<CellError> errors = new ArrayList<>();
        Map<String, Current> existing = existing(rows);
        Map<String, Indicator> catalogue = indicators.byCode(rows.stream().map(r -> r.request().indicatorCode())
                .filter(Objects::nonNull).distinct().toList());
        List<CellError> stale = new ArrayList<>();
        List<Planned> plan = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LedgerRow row : rows) {
            TargetRequest request = row.request();
            errors.addAll(row.unreadable());
            int before = errors.size();
            for (ConstraintViolation<TargetRequest> violation : validator.validate(request)) {
                add(errors, row, violation.getPropertyPath().toString(), violation.getMessage());
            }
            if (request.orgUnitCode() != null && !scope.covers(request.orgUnitCode())) {
                errors.add(new CellError(row.row(), ORG_UNIT, TargetService.unknownOrOutOfScope(request.orgUnitCode())));
                continue;
            }
            try {
                targets.validate(request, catalogue::get);
            } catch (ProblemException e) {
                for (Object error : e.problem().errors()) {
                    if (error instanceof FieldError field) {
                        add(errors, row, field.field(), field.message());
                    }
                }
            }
            if (errors.size() > before || !row.unreadable().isEmpty()) {
                continue;
            }
            String key = key(request.indicatorCode(), request.orgUnitCode(), request.year());
            if (!seen.add(key)) {
                errors.add(new CellError(row.row(), INDICATOR, "与前面的行重复（同一指标、单位、年度）"));
                continue;
            }
            Current current = existing.get(key);
            if (current == null) {
                if (row.version() != null) {
                    errors.add(new CellError(row.row(), VERSION,
                            "没有与此行对应的已有目标（导出后不能修改指标、单位、年度）；新目标的版本请留空"));
                } else {
                    plan.add(new Planned(row, Action.CREATE, null, 0));
                }
                continue;
            }
            if (row.version() != null && row.version() != current.version()) {
                stale.add(LedgerProblems.staleRow(row.row(), row.version(), current.version()));
                continue;
            }
            boolean same = sameNumber(current.committed(), request.committedValue())
                    && sameNumber(current.stretch(), request.stretchValue())
                    && current.responsible().equals(request.responsibleUnitCode());
            plan.add(new Planned(row, same ? Action.UNCHANGED : Action.UPDATE, current.id(), current.version()));
        }
        if (!errors.isEmpty()) {
            throw LedgerProblems.invalidCells(errors);
        }
        if (!stale.isEmpty()) {
            throw LedgerProblems.staleRows(stale);
        }
        return plan;
    }

    /** The existing targets the rows name, by indicator × unit × year, read as plain columns. */
    private Map<String, Current> existing(List<LedgerRow> rows) {
        Set<String> orgs = new HashSet<>();
        Set<Short> years = new HashSet<>();
        for (LedgerRow row : rows) {
            TargetRequest request = row.request();
            if (request.orgUnitCode() != null && request.year() != null && request.year() >= Short.MIN_VALUE
                    && request.year() <= Short.MAX_VALUE) {
                orgs.add(request.orgUnitCode());
                years.add(request.year().shortValue());
            }
        }
        Map<String, Current> existing = new HashMap<>();
        List<String> orgList = new ArrayList<>(orgs);
        for (int from = 0; from < orgList.size(); from += 1000) {
            List<Object[]> found = em.createQuery("select t.id, t.indicatorCode, t.orgUnitCode, t.year, t.version,"
                            + " t.committedValue, t.stretchValue, t.responsibleUnitCode from Target t"
                            + " where t.orgUnitCode in :orgs and t.year in :years", Object[].class)
                    .setParameter("orgs", orgList.subList(from, Math.min(orgList.size(), from + 1000)))
                    .setParameter("years", years)
                    .getResultList();
            for (Object[] t : found) {
                existing.put(key((String) t[1], (String) t[2], ((Number) t[3]).intValue()),
                        new Current((Long) t[0], (Long) t[4], (BigDecimal) t[5], (BigDecimal) t[6], (String) t[7]));
            }
        }
        return existing;
    }

    /**
     * Writes the checked rows in one transaction, {@link LedgerLimits#batchSize()} rows at a
     * time: each batch loads its targets in one query and is flushed and cleared afterwards, so
     * the persistence context (and each flush) stays small however long the file is. A target
     * changed since the check is refused as stale, and the whole import rolls back.
     */
    private ImportResult write(List<Planned> plan) {
        Map<String, Indicator> known = indicators.byCode(plan.stream().map(p -> p.row().request().indicatorCode())
                .distinct().toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int from = 0; from < plan.size(); from += limits.batchSize()) {
            List<Planned> batch = plan.subList(from, Math.min(plan.size(), from + limits.batchSize()));
            List<Long> ids = batch.stream().filter(p -> p.action() == Action.UPDATE).map(Planned::targetId).toList();
            Map<Long, Target> loaded = new HashMap<>();
            if (!ids.isEmpty()) {
                for (Target t : em.createQuery("from Target t where t.id in :ids", Target.class)
                        .setParameter("ids", ids).getResultList()) {
                    loaded.put(t.id, t);
                }
            }
            List<CellError> stale = new ArrayList<>();
            for (Planned p : batch) {
                TargetRequest request = p.row().request();
                Indicator indicator = known.get(request.indicatorCode());
                switch (p.action()) {
                    case CREATE -> {
                        targets.createFromLedger(request, indicator);
                        created++;
                    }
                    case UPDATE -> {
                        Target target = loaded.get(p.targetId());
                        if (target.version != p.checkedVersion()) {
                            stale.add(LedgerProblems.staleRow(p.row().row(), p.checkedVersion(), target.version));
                        } else {
                            targets.updateFromLedger(target, request, indicator);
                            updated++;
                        }
                    }
                    case UNCHANGED -> unchanged++;
                }
            }
            if (!stale.isEmpty()) {
                throw LedgerProblems.staleRows(stale);
            }
            em.flush();
            em.clear();
        }
        return new ImportResult(plan.size(), created, updated, unchanged);
    }

    private static void add(List<CellError> errors, LedgerRow row, String field, String message) {
        String root = field.replaceAll("[\\[.].*$", "");
        String column = COLUMN_OF_FIELD.getOrDefault(root, root);
        if (row.unreadable(column)) {
            return;
        }
        CellError error = new CellError(row.row(), column, message);
        if (!errors.contains(error)) {
            errors.add(error);
        }
    }

    private static String key(String indicator, String org, int year) {
        return indicator + "|" + org + "|" + year;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Map<String, Integer> columns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        if (header == null) {
            return columns;
        }
        DataFormatter format = new DataFormatter();
        for (Cell cell : header) {
            columns.putIfAbsent(format.formatCellValue(cell).trim(), cell.getColumnIndex());
        }
        return columns;
    }

    private static boolean blank(Row row, Map<String, Integer> columns) {
        DataFormatter format = new DataFormatter();
        for (int index : columns.values()) {
            Cell cell = row.getCell(index);
            if (cell != null && !format.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void setNumber(Cell cell, BigDecimal value) {
        if (value == null) {
            cell.setBlank();
        } else {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static void setRatio(Cell cell, Double value) {
        if (value == null) {
            cell.setBlank();
        } else {
            cell.setCellValue(value);
        }
    }

    static String colourName(Colour colour) {
        return switch (colour) {
            case BLUE -> "蓝";
            case YELLOW -> "黄";
            case RED -> "红";
        };
    }

    /**
     * Reads typed cells of one row, collecting what cannot be read instead of stopping at it;
     * whether a cell may be empty is the request's Bean Validation's to say.
     */
    private record RowReader(Row row, Map<String, Integer> columns, int shown, List<CellError> errors) {

        private static final DataFormatter FORMAT = new DataFormatter();

        void refuse(String column, String message) {
            errors.add(new CellError(shown, column, message));
        }

        String text(String column) {
            Integer index = columns.get(column);
            Cell cell = index == null ? null : row.getCell(index);
            String text = cell == null ? "" : FORMAT.formatCellValue(cell).trim();
            if (text.isEmpty()) {
                return null;
            }
            // the same text rules as the JSON API: every column of the target ledger is one line
            String problem = TextRules.problemWith(text, true);
            if (problem != null) {
                refuse(column, problem);
                return null;
            }
            return text;
        }

        BigDecimal number(String column) {
            Integer index = columns.get(column);
            Cell cell = index == null ? null : row.getCell(index);
            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            }
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text.replace(",", ""));
            } catch (NumberFormatException e) {
                refuse(column, "“" + text + "”不是数字");
                return null;
            }
        }

        Integer integer(String column) {
            BigDecimal value = number(column);
            if (value == null) {
                return null;
            }
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                refuse(column, "应为整数");
                return null;
            }
        }
    }
}
