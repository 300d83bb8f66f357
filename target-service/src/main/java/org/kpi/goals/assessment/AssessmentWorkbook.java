package org.kpi.goals.assessment;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kpi.goals.progress.Colour;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The scorecard as the organisation department (组织部) files it for cadre evaluation: a summary
 * sheet (rank, department, total, its targets by colour, lines) and a sheet with every line, so
 * that each point can be cited with the fact behind it.
 */
final class AssessmentWorkbook {

    static final List<String> SUMMARY = List.of("名次", "部门代码", "部门", "总分", "蓝色目标", "黄色目标", "红色目标",
            "明细条数");
    static final List<String> LINES = List.of("部门代码", "部门", "考核项", "规则", "事实类型", "事实编号", "事实", "分值",
            "明细编号");
    private static final Map<String, String> FACT_TYPES = Map.of("TARGET", "目标", "TASK", "任务", "ORDER", "督办单",
            "ACCOUNTABILITY", "问责", "RATING", "满意度评价", "ADJUSTMENT", "加减分");

    private AssessmentWorkbook() {
    }

    /** Writes the workbook; {@code colours} counts each department's targets by colour. */
    static byte[] write(ScorecardView card, String unitName, Map<String, Map<Colour, Integer>> colours) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle points = workbook.createCellStyle();
            points.setDataFormat(workbook.createDataFormat().getFormat("0.00"));

            Sheet summary = workbook.createSheet("汇总");
            Row title = summary.createRow(0);
            title.createCell(0).setCellValue(unitName + " " + card.period() + " 考核结果（"
                    + ("PUBLISHED".equals(card.status()) ? "已公布" : "预览") + "，考核细则第 " + card.rulebookVersion()
                    + " 版，截至 " + card.asOf() + "）");
            title.getCell(0).setCellStyle(bold);
            header(summary, 1, SUMMARY, bold);
            int r = 2;
            for (ScorecardItem item : card.items()) {
                Row row = summary.createRow(r++);
                Map<Colour, Integer> counts = colours.getOrDefault(item.orgUnitCode(), Map.of());
                row.createCell(0).setCellValue(item.rank());
                row.createCell(1).setCellValue(item.orgUnitCode());
                row.createCell(2).setCellValue(item.name());
                number(row.createCell(3), item.total(), points);
                row.createCell(4).setCellValue(counts.getOrDefault(Colour.BLUE, 0));
                row.createCell(5).setCellValue(counts.getOrDefault(Colour.YELLOW, 0));
                row.createCell(6).setCellValue(counts.getOrDefault(Colour.RED, 0));
                row.createCell(7).setCellValue(item.lines().size());
            }
            summary.createFreezePane(0, 2);

            Sheet lines = workbook.createSheet("明细");
            header(lines, 0, LINES, bold);
            r = 1;
            for (ScorecardItem item : card.items()) {
                for (ScoreLine line : item.lines()) {
                    Row row = lines.createRow(r++);
                    row.createCell(0).setCellValue(item.orgUnitCode());
                    row.createCell(1).setCellValue(item.name());
                    row.createCell(2).setCellValue(line.component().label());
                    row.createCell(3).setCellValue(line.rule());
                    row.createCell(4).setCellValue(FACT_TYPES.getOrDefault(line.factType(), line.factType()));
                    row.createCell(5).setCellValue(line.factId());
                    row.createCell(6).setCellValue(line.factTitle() == null ? "" : line.factTitle());
                    number(row.createCell(7), line.points(), points);
                    row.createCell(8).setCellValue(line.id());
                }
            }
            lines.createFreezePane(0, 1);
            lines.setColumnWidth(3, 48 * 256);
            lines.setColumnWidth(6, 32 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Assessment workbook could not be written", e);
        }
    }

    private static void header(Sheet sheet, int at, List<String> names, CellStyle bold) {
        Row header = sheet.createRow(at);
        for (int c = 0; c < names.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(c, Math.max(10, names.get(c).length() * 2 + 4) * 256);
        }
    }

    private static void number(Cell cell, BigDecimal value, CellStyle style) {
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }
}
