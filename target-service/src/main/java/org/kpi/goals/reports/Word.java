package org.kpi.goals.reports;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * A Word document laid out as government offices lay out their documents (after GB/T 9704): A4,
 * margins of 3.7 / 3.5 / 2.8 / 2.6 cm, titles in 方正小标宋简体, headings in 黑体, body in
 * 仿宋_GB2312 三号 on a fixed 28-point line with a two-character indent. Each font is named for
 * East Asian text (what Word and WPS look up) and for Latin text, so that both render it.
 */
final class Word implements AutoCloseable {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String SUBHEADING_FONT = "楷体_GB2312";
    static final String TABLE_FONT = "仿宋_GB2312";
    static final String LATIN_FONT = "Times New Roman";
    static final String RED = "C00000";
    /** 三号 (16 pt), 二号 (22 pt), 小四 (12 pt), 五号 (10.5 pt): the sizes Chinese documents name. */
    static final double SAN_HAO = 16;
    static final double ER_HAO = 22;
    static final double XIAO_SI = 12;
    static final double WU_HAO = 10.5;

    final XWPFDocument doc = new XWPFDocument();

    Word() {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(cm(3.7)));
        margins.setBottom(BigInteger.valueOf(cm(3.5)));
        margins.setLeft(BigInteger.valueOf(cm(2.8)));
        margins.setRight(BigInteger.valueOf(cm(2.6)));
        margins.setHeader(BigInteger.valueOf(cm(1.5)));
        margins.setFooter(BigInteger.valueOf(cm(2.8)));
    }

    /** The text width between the margins, in twentieths of a point. */
    static int textWidth() {
        return 11906 - cm(2.8) - cm(2.6);
    }

    private static int cm(double cm) {
        return (int) Math.round(cm * 567);
    }

    /** A paragraph with one run of {@code text}. */
    XWPFParagraph paragraph(String text, String font, double size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        run(p, text, font, size, bold);
        return p;
    }

    /** A body paragraph: 仿宋 三号, two characters' indent. */
    XWPFParagraph body(String text) {
        XWPFParagraph p = paragraph(text, BODY_FONT, SAN_HAO, false, ParagraphAlignment.BOTH);
        p.setIndentationFirstLine((int) (SAN_HAO * 2 * 20));
        return p;
    }

    /** A first-level heading: 一、… in 黑体, indented as body text, kept on the page of what follows. */
    XWPFParagraph heading(String text) {
        XWPFParagraph p = paragraph(text, HEADING_FONT, SAN_HAO, false, ParagraphAlignment.LEFT);
        p.setIndentationFirstLine((int) (SAN_HAO * 2 * 20));
        keepWithNext(p);
        return p;
    }

    static void keepWithNext(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        if (!ppr.isSetKeepNext()) {
            ppr.addNewKeepNext();
        }
    }

    /** A title: 方正小标宋 二号, centred, with a blank line below. */
    XWPFParagraph title(String text) {
        XWPFParagraph p = paragraph(text, TITLE_FONT, ER_HAO, false, ParagraphAlignment.CENTER);
        p.setSpacingBetween(36, LineSpacingRule.EXACT);
        p.setSpacingAfter(280);
        return p;
    }

    XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        font(run, font);
        run.setFontSize(size);
        run.setBold(bold);
        return run;
    }

    /** Names {@code font} for East Asian text and Times New Roman for Latin text and digits. */
    static void font(XWPFRun run, String font) {
        CTFonts fonts = run.getCTR().isSetRPr() && run.getCTR().getRPr().sizeOfRFontsArray() > 0
                ? run.getCTR().getRPr().getRFontsArray(0) : run.getCTR().addNewRPr().addNewRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setCs(LATIN_FONT);
        // punctuation shared by both scripts (“ ” — ·) is drawn in the Chinese font, as in Chinese text
        fonts.setHint(STHint.EAST_ASIA);
        var rpr = run.getCTR().getRPr();
        (rpr.sizeOfLangArray() > 0 ? rpr.getLangArray(0) : rpr.addNewLang()).setEastAsia("zh-CN");
    }

    /** A red rule across the page under {@code p} (the 红线 under a document's masthead). */
    static void redRule(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTBorder bottom = (ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr()).addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(18));
        bottom.setColor(RED);
        bottom.setSpace(BigInteger.valueOf(4));
    }

    /**
     * A table with a bold header row repeated on each page, then {@code rows}; {@code widths} are
     * relative column widths. Text in 仿宋 五号; numbers centred.
     */
    XWPFTable table(List<String> headers, List<List<Object>> rows, int[] widths) {
        XWPFTable table = doc.createTable(1 + rows.size(), headers.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth(Integer.toString(textWidth()));
        int sum = 0;
        for (int w : widths) {
            sum += w;
        }
        for (int r = 0; r <= rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            row.setCantSplitRow(true);
            row.setHeight(r == 0 ? 520 : 420);
            for (int c = 0; c < headers.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidth(Integer.toString(textWidth() * widths[c] / sum));
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                Object value = r == 0 ? headers.get(c) : rows.get(r - 1).get(c);
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(r == 0 || value instanceof Number ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                p.setSpacingBetween(1.15, LineSpacingRule.AUTO);
                run(p, value == null ? "" : value.toString(), r == 0 ? HEADING_FONT : TABLE_FONT, WU_HAO, false);
            }
        }
        cellsCentredVertically(table);
        return table;
    }

    private static void cellsCentredVertically(XWPFTable table) {
        table.getRows().forEach(row -> row.getTableCells().forEach(cell -> {
            var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            (tcPr.isSetVAlign() ? tcPr.getVAlign() : tcPr.addNewVAlign()).setVal(STVerticalJc.CENTER);
        }));
    }

    /** A caption above a table or chart, in 黑体 小四, centred, kept with it. */
    XWPFParagraph caption(String text) {
        XWPFParagraph p = paragraph(text, HEADING_FONT, XIAO_SI, false, ParagraphAlignment.CENTER);
        p.setSpacingBefore(200);
        keepWithNext(p);
        return p;
    }

    /** A PNG image, {@code widthPt} points wide, centred in its own paragraph. */
    void picture(byte[] png, String name, double widthPt, double heightPt) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, name,
                    Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("chart " + name + " not embedded", e);
        }
    }

    /** An empty line. */
    void blank() {
        paragraph("", BODY_FONT, SAN_HAO, false, ParagraphAlignment.LEFT);
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
