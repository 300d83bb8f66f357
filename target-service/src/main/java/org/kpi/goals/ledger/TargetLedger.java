package org.kpi.goals.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.CellError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Scope;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.indicators.ValueRules;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.targets.TargetFilter;
import org.kpi.goals.targets.TargetRequest;
import org.kpi.goals.targets.TargetService;
import org.kpi.goals.targets.TargetView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target ledger (目标台账) as an .xlsx workbook. The export's first columns are exactly what
 * the import reads, so an exported ledger, edited, imports back. The import is all or nothing:
 * every row is checked first, and any bad cell rejects the whole file with the list of them.
 */
@ApplicationScoped
public class TargetLedger {

    static final String INDICATOR = "指标代码";
    static final String ORG_UNIT = "所属单位代码";
    static final String YEAR = "年度";
    static final String COMMITTED = "确保值";
    static final String STRETCH = "力争值";
    static final String RESPONSIBLE = "责任单位代码";
    static final List<String> HEADERS = List.of(INDICATOR, "指标名称", "单位", ORG_UNIT, YEAR, COMMITTED, STRETCH,
            RESPONSIBLE, "最新期次", "实绩", "完成率", "序时进度", "颜色", "实绩逾期");
    static final int MAX_EXPORT_ROWS = 50_000;
    static final int MAX_IMPORT_ROWS = 5_000;

    @Inject
    TargetService targets;

    @Inject
    IndicatorService indicators;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    /** Result of an accepted import. */
    public record ImportResult(int rows, int created, int updated) {
    }

    public byte[] export(TargetFilter filter) {
        List<TargetView> rows = targets.listAll(filter, MAX_EXPORT_ROWS);
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
            }
            int r = 1;
            for (TargetView t : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(t.indicatorCode());
                row.createCell(c++).setCellValue(t.indicatorName());
                row.createCell(c++).setCellValue(t.unit());
                row.createCell(c++).setCellValue(t.orgUnitCode());
                row.createCell(c++).setCellValue(t.year());
                row.createCell(c++).setCellValue(t.committedValue().doubleValue());
                setNumber(row.createCell(c++), t.stretchValue());
                row.createCell(c++).setCellValue(t.responsibleUnitCode());
                row.createCell(c++).setCellValue(t.progress().latestPeriod() == null ? "" : t.progress().latestPeriod());
                setNumber(row.createCell(c++), t.progress().actual());
                setRatio(row.createCell(c++), t.progress().completionRatio());
                setRatio(row.createCell(c++), t.progress().expectedRatio());
                row.createCell(c++).setCellValue(colourName(t.progress().colour()));
                row.createCell(c).setCellValue(t.progress().actualsOverdue() ? "是" : "否");
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Ledger could not be written", e);
        }
    }

    @Transactional
    public ImportResult importWorkbook(Path file) {
        List<TargetRequest> requests = read(file);
        int created = 0;
        for (TargetRequest request : requests) {
            created += targets.upsertFromLedger(request) ? 1 : 0;
        }
        return new ImportResult(requests.size(), created, requests.size() - created);
    }

    /** Reads and checks every row; any bad cell rejects the file. */
    List<TargetRequest> read(Path file) {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ProblemException.invalid("file", "工作簿没有工作表");
            }
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = columns(header);
            List<CellError> errors = new ArrayList<>();
            for (String required : List.of(INDICATOR, ORG_UNIT, YEAR, COMMITTED, RESPONSIBLE)) {
                if (!columns.containsKey(required)) {
                    errors.add(new CellError(1, required, "缺少此列"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalidCells(errors);
            }
            if (sheet.getLastRowNum() - sheet.getFirstRowNum() > MAX_IMPORT_ROWS) {
                throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "一次最多导入 " + MAX_IMPORT_ROWS + " 行");
            }
            List<TargetRequest> requests = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Map<String, Indicator> known = new HashMap<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, columns)) {
                    continue;
                }
                int shown = r + 1;
                RowReader reader = new RowReader(row, columns, shown, errors);
                String indicatorCode = reader.text(INDICATOR, true);
                String orgUnit = reader.text(ORG_UNIT, true);
                Integer year = reader.integer(YEAR);
                BigDecimal committed = reader.number(COMMITTED, true);
                BigDecimal stretch = reader.number(STRETCH, false);
                String responsible = reader.text(RESPONSIBLE, true);
                Indicator indicator = indicatorCode == null ? null
                        : known.computeIfAbsent(indicatorCode, c -> indicators.byCode(List.of(c)).get(c));
                if (indicatorCode != null && indicator == null) {
                    errors.add(new CellError(shown, INDICATOR, "指标 " + indicatorCode + " 不存在"));
                }
                if (orgUnit != null) {
                    if (tree.find(orgUnit).isEmpty()) {
                        errors.add(new CellError(shown, ORG_UNIT, "组织机构 " + orgUnit + " 不存在"));
                    } else if (!scope.covers(orgUnit)) {
                        errors.add(new CellError(shown, ORG_UNIT, "无权为 " + orgUnit + " 设定目标"));
                    }
                }
                if (responsible != null) {
                    if (tree.find(responsible).isEmpty()) {
                        errors.add(new CellError(shown, RESPONSIBLE, "组织机构 " + responsible + " 不存在"));
                    } else if (orgUnit != null && !tree.isWithin(responsible, orgUnit)) {
                        errors.add(new CellError(shown, RESPONSIBLE, "责任单位应是 " + orgUnit + " 本身或其下属单位"));
                    }
                }
                if (year != null && (year < 2000 || year > 2100)) {
                    errors.add(new CellError(shown, YEAR, "应在 2000 到 2100 之间"));
                }
                if (indicator != null && committed != null) {
                    ValueRules.problemWith(indicator, committed).ifPresent(m -> errors.add(new CellError(shown, COMMITTED, m)));
                    if (indicator.kind == org.kpi.goals.indicators.IndicatorKind.CUMULATIVE && committed.signum() <= 0) {
                        errors.add(new CellError(shown, COMMITTED, "累计类目标应大于 0"));
                    }
                }
                if (indicator != null && stretch != null) {
                    ValueRules.problemWith(indicator, stretch).ifPresent(m -> errors.add(new CellError(shown, STRETCH, m)));
                    if (committed != null) {
                        boolean higher = indicator.direction == org.kpi.goals.indicators.Direction.HIGHER_IS_BETTER;
                        int cmp = stretch.compareTo(committed);
                        if (higher ? cmp < 0 : cmp > 0) {
                            errors.add(new CellError(shown, STRETCH, higher ? "力争值不能低于确保值" : "力争值不能高于确保值"));
                        }
                    }
                }
                if (indicatorCode != null && orgUnit != null && year != null
                        && !seen.add(indicatorCode + "|" + orgUnit + "|" + year)) {
                    errors.add(new CellError(shown, INDICATOR, "与前面的行重复（同一指标、单位、年度）"));
                }
                requests.add(new TargetRequest(indicatorCode, orgUnit, year, committed, stretch, responsible, null, null));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalidCells(errors);
            }
            if (requests.isEmpty()) {
                throw ProblemException.invalid("file", "表格中没有数据行");
            }
            return requests;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "文件不是有效的 .xlsx 工作簿");
        }
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

    /** Reads typed cells of one row, collecting what is wrong instead of stopping at it. */
    private record RowReader(Row row, Map<String, Integer> columns, int shown, List<CellError> errors) {

        private static final DataFormatter FORMAT = new DataFormatter();

        String text(String column, boolean required) {
            Integer index = columns.get(column);
            Cell cell = index == null ? null : row.getCell(index);
            String text = cell == null ? "" : FORMAT.formatCellValue(cell).trim();
            if (text.isEmpty()) {
                if (required) {
                    errors.add(new CellError(shown, column, "不能为空"));
                }
                return null;
            }
            return text;
        }

        BigDecimal number(String column, boolean required) {
            Integer index = columns.get(column);
            Cell cell = index == null ? null : row.getCell(index);
            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            }
            String text = text(column, required);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text.replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(new CellError(shown, column, "“" + text + "”不是数字"));
                return null;
            }
        }

        Integer integer(String column) {
            BigDecimal value = number(column, true);
            if (value == null) {
                return null;
            }
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                errors.add(new CellError(shown, column, "应为整数"));
                return null;
            }
        }
    }
}
