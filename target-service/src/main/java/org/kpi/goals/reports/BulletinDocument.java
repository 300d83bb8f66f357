package org.kpi.goals.reports;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly bulletin (督查通报) as a Word document: the red masthead with its number, the issuing
 * office and date over a red rule, the title, the overall situation, the units praised and named,
 * the requirements, the signature, and the tables as attachments.
 */
final class BulletinDocument {

    static final String TABLE_UNITS = "各单位推进情况";
    static final String TABLE_OVERDUE = "逾期任务清单";
    static final String TABLE_RED = "红色目标清单";

    private BulletinDocument() {
    }

    static byte[] write(BulletinView b) {
        try (Word word = new Word()) {
            masthead(word, "督 查 通 报", b.number(), b.issuer(), MonthlyBulletin.date(b.issuedOn()));
            word.title(b.title());
            word.paragraph("各有关单位：", Word.BODY_FONT, Word.SAN_HAO, false, ParagraphAlignment.LEFT);
            word.body("为推动年度重点工作落地见效，" + b.issuer() + "对" + b.label() + "重点任务和重点指标推进情况进行了调度督查。"
                    + "现将有关情况通报如下。");

            word.heading("一、总体情况");
            word.body(b.summary());

            word.heading("二、表扬");
            if (b.praised().isEmpty()) {
                word.body("本月暂无同时满足办结有力、无逾期任务、无红色目标条件的单位。");
            } else {
                word.body(String.join("、", b.praised().stream().map(BulletinView.Praised::unitName).toList())
                        + (b.praised().size() > 1 ? "等" + b.praised().size() + "个单位" : "") + "推进有力、成效明显，予以通报表扬。");
                int i = 0;
                for (BulletinView.Praised p : b.praised()) {
                    word.body("（" + "一二三四五六七八九十".charAt(i++) + "）" + p.unitName() + "：" + p.reason() + "。");
                }
            }

            word.heading("三、通报");
            if (b.named().isEmpty()) {
                word.body("截至" + MonthlyBulletin.day(b.asOf()) + "，各单位均无逾期任务和红色目标。");
            } else {
                word.body("以下单位存在逾期任务或红色目标，予以通报：");
                int i = 0;
                for (BulletinView.Named n : b.named()) {
                    word.body((++i) + ". " + n.unitName() + "：" + n.reason() + "。");
                }
            }
            List<BulletinView.UnitRow> units = b.units();
            // by the assessment, the units truly in the last three places (a tie reaching above them names none)
            List<String> last = units.stream().filter(u -> u.rank() > units.size() - 3)
                    .map(BulletinView.UnitRow::unitName).toList();
            if ("ASSESSMENT".equals(b.ranking()) && units.size() >= 6 && !last.isEmpty()) {
                word.body("按考核得分排名，位列后三位的单位是" + String.join("、", last) + "。");
            }

            word.heading("四、工作要求");
            word.body("被通报的单位要认真分析原因，制定整改措施，于5个工作日内将整改情况书面报送" + b.issuer()
                    + "。各单位要对照时间节点和序时进度，倒排工期、挂图作战，确保年度目标任务按期完成。");
            word.blank();
            word.paragraph("附件：1. " + TABLE_UNITS, Word.BODY_FONT, Word.SAN_HAO, false, ParagraphAlignment.LEFT)
                    .setIndentationFirstLine((int) (Word.SAN_HAO * 2 * 20));
            attachmentLine(word, "2. " + TABLE_OVERDUE);
            attachmentLine(word, "3. " + TABLE_RED);
            word.blank();
            signature(word, b.issuer(), MonthlyBulletin.date(b.issuedOn()));

            pageBreak(word);
            attachmentHeading(word, "附件1", false);
            word.caption(b.label() + TABLE_UNITS);
            word.paragraph(b.rankingBasis(), Word.SUBHEADING_FONT, Word.WU_HAO, false, ParagraphAlignment.CENTER);
            boolean scored = "ASSESSMENT".equals(b.ranking());
            List<String> headers = new ArrayList<>(List.of("名次", "单位", "任务数", "按期推进", "逾期", "本月办结", "红色目标"));
            if (scored) {
                headers.add("考核得分");
            }
            List<List<Object>> rows = new ArrayList<>();
            for (BulletinView.UnitRow u : units) {
                List<Object> row = new ArrayList<>(List.of(u.rank(), u.unitName(), u.tasks(), u.onSchedule(), u.overdue(),
                        u.closedThisMonth(), u.redTargets()));
                if (scored) {
                    row.add(u.score() == null ? "" : u.score().toPlainString());
                }
                rows.add(row);
            }
            word.table(headers, rows, scored ? new int[]{8, 22, 8, 9, 7, 9, 9, 9} : new int[]{8, 25, 9, 10, 8, 10, 10});

            attachmentHeading(word, "附件2", true);
            word.caption(TABLE_OVERDUE + "（截至" + MonthlyBulletin.day(b.asOf()) + "）");
            List<List<Object>> overdue = new ArrayList<>();
            int n = 0;
            for (BulletinView.OverdueTask t : b.overdueTasks()) {
                overdue.add(List.of(++n, t.title() + (t.milestone() == null ? "" : "（节点：" + t.milestone() + "）"),
                        t.leadUnitName(), t.dueDate().toString(), t.daysLate()));
            }
            if (overdue.isEmpty()) {
                overdue.add(List.of("", "无", "", "", ""));
            }
            word.table(List.of("序号", "任务", "牵头单位", "应完成日期", "逾期天数"), overdue, new int[]{7, 40, 20, 14, 10});

            attachmentHeading(word, "附件3", true);
            word.caption(TABLE_RED + "（截至" + MonthlyBulletin.day(b.asOf()) + "）");
            List<List<Object>> red = new ArrayList<>();
            n = 0;
            for (BulletinView.RedTarget t : b.redTargets()) {
                red.add(List.of(++n, t.indicatorName(), t.responsibleUnitName(),
                        t.committedValue().stripTrailingZeros().toPlainString() + t.unit(),
                        t.actual() == null ? "未报" : t.actual().stripTrailingZeros().toPlainString() + t.unit(),
                        percent(t.completionRatio()), percent(t.expectedRatio())));
            }
            if (red.isEmpty()) {
                red.add(List.of("", "无", "", "", "", "", ""));
            }
            word.table(List.of("序号", "指标", "责任单位", "确保值", "实际", "完成率", "序时进度"), red,
                    new int[]{7, 24, 18, 12, 12, 10, 11});
            return word.bytes();
        }
    }

    /** 87.5% for 0.875; a dash for none. */
    static String percent(Double ratio) {
        return ratio == null ? "—" : String.format("%.1f%%", ratio * 100);
    }

    /** The red masthead: the document's name, its number, the issuing office left and the date right over a red rule. */
    static void masthead(Word word, String name, String number, String issuer, String date) {
        XWPFParagraph head = word.paragraph(name, Word.TITLE_FONT, 42, false, ParagraphAlignment.CENTER);
        head.setSpacingBefore(240);
        head.setSpacingBetween(60, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        head.getRuns().get(0).setColor(Word.RED);
        word.paragraph(number, Word.BODY_FONT, Word.SAN_HAO, false, ParagraphAlignment.CENTER);
        XWPFParagraph line = word.paragraph(issuer, Word.BODY_FONT, Word.SAN_HAO, false, ParagraphAlignment.LEFT);
        CTTabStop tab = (line.getCTP().getPPr().isSetTabs() ? line.getCTP().getPPr().getTabs()
                : line.getCTP().getPPr().addNewTabs()).addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(Word.textWidth()));
        XWPFRun right = word.run(line, "", Word.BODY_FONT, Word.SAN_HAO, false);
        right.addTab();
        right.setText(date);
        Word.redRule(line);
        line.setSpacingAfter(400);
    }

    static void signature(Word word, String issuer, String date) {
        XWPFParagraph office = word.paragraph(issuer, Word.BODY_FONT, Word.SAN_HAO, false, ParagraphAlignment.RIGHT);
        office.setIndentationRight((int) (Word.SAN_HAO * 4 * 20));
        XWPFParagraph day = word.paragraph(date, Word.BODY_FONT, Word.SAN_HAO, false, ParagraphAlignment.RIGHT);
        day.setIndentationRight((int) (Word.SAN_HAO * 4 * 20));
    }

    static void pageBreak(Word word) {
        word.doc.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    /** 附件1 … in 黑体 at the top left of an attachment, kept with its table. */
    static void attachmentHeading(Word word, String text, boolean spaced) {
        XWPFParagraph p = word.paragraph(text, Word.HEADING_FONT, Word.SAN_HAO, false, ParagraphAlignment.LEFT);
        if (spaced) {
            p.setSpacingBefore(300);
        }
        Word.keepWithNext(p);
    }

    private static void attachmentLine(Word word, String text) {
        word.paragraph(text, Word.BODY_FONT, Word.SAN_HAO, false, ParagraphAlignment.LEFT)
                .setIndentationFirstLine((int) (Word.SAN_HAO * 5 * 20));
    }
}
