package org.kpi.goals.reports;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * A workbook as supervision offices print them: each sheet a title row, a header row and a
 * bordered table, in 宋体 (which Excel and WPS both have), columns wide enough for Chinese text.
 */
final class Sheets implements AutoCloseable {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle cell;
    private final CellStyle number;

    Sheets() {
        Font titleFont = font(16, true);
        Font headerFont = font(11, true);
        Font bodyFont = font(11, false);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        title.setAlignment(HorizontalAlignment.CENTER);
        header = bordered(headerFont);
        header.setAlignment(HorizontalAlignment.CENTER);
        cell = bordered(bodyFont);
        cell.setWrapText(true);
        number = bordered(bodyFont);
        number.setAlignment(HorizontalAlignment.RIGHT);
    }

    /** A sheet with {@code heading} across its columns, then the header row; rows follow from row 2. */
    Sheet sheet(String name, String heading, List<String> headers, int[] widths) {
        Sheet sheet = workbook.createSheet(name);
        Row top = sheet.createRow(0);
        top.setHeightInPoints(28);
        Cell t = top.createCell(0);
        t.setCellValue(heading);
        t.setCellStyle(title);
        if (headers.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        }
        Row row = sheet.createRow(1);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(header);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 2);
        return sheet;
    }

    /** Appends a row of values: numbers right-aligned, dates as text (yyyy-MM-dd), null as empty. */
    void row(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            Cell c = row.createCell(i);
            Object value = values[i];
            if (value instanceof Number n) {
                c.setCellValue(n.doubleValue());
                c.setCellStyle(number);
            } else {
                c.setCellValue(value == null ? "" : value instanceof LocalDate d ? d.toString() : value.toString());
                c.setCellStyle(cell);
            }
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Font font(int points, boolean bold) {
        Font font = workbook.createFont();
        font.setFontName("宋体");
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        return font;
    }

    private CellStyle bordered(Font font) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }
}
