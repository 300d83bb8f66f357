package org.kpi.goals.reports;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarterly analysis (季度分析) as a Word document for the leaders' meeting: the overall
 * situation, each target's paragraph and chart (completion period by period against the
 * time-elapsed line, its rank among peers), the tasks behind the red targets, and what to do next.
 */
final class AnalysisDocument {

    static final String DRIVERS = "红色指标相关任务";
    private static final String NUMERALS = "一二三四五六七八九十";

    private AnalysisDocument() {
    }

    static byte[] write(AnalysisView a, String issuer, java.time.LocalDate issuedOn) {
        try (Word word = new Word()) {
            word.title(a.title());
            word.paragraph(issuer + "　" + MonthlyBulletin.date(issuedOn), Word.SUBHEADING_FONT, Word.SAN_HAO, false,
                    ParagraphAlignment.CENTER).setSpacingAfter(200);

            word.heading("一、总体情况");
            word.body(a.summary());

            word.heading("二、各指标运行情况");
            if (a.indicators().isEmpty()) {
                word.body("本年度尚未下达重点指标目标。");
            }
            int i = 0;
            for (AnalysisView.IndicatorAnalysis ind : a.indicators()) {
                String heading = "（" + chineseNumber(++i) + "）" + ind.indicatorName() + "（" + ind.responsibleUnitName() + "）";
                Word.keepWithNext(word.paragraph(heading, Word.SUBHEADING_FONT, Word.SAN_HAO, false,
                        ParagraphAlignment.LEFT));
                word.doc.getLastParagraph().setIndentationFirstLine((int) (Word.SAN_HAO * 2 * 20));
                Word.keepWithNext(word.body(paragraph(ind)));
                byte[] chart = ProgressChart.png(ind.indicatorName() + "：完成进度与序时进度", ind.responsibleUnitName()
                        + " · 年度确保目标 " + plain(ind.committedValue()) + ind.unit(), ind.series(), ind.colour());
                word.picture(chart, "chart-" + ind.targetId() + ".png", 360, 360.0 * ProgressChart.HEIGHT / ProgressChart.WIDTH);
            }

            word.heading("三、红色指标相关任务");
            if (a.drivers().isEmpty()) {
                word.body("截至" + MonthlyBulletin.day(a.asOf()) + "，没有红色指标，或红色指标没有关联在办任务、其责任单位没有逾期任务。");
            } else {
                word.body("以下任务关联红色指标，或由红色指标的责任单位牵头且已逾期，是扭转滞后局面的关键：");
                List<List<Object>> rows = new ArrayList<>();
                int n = 0;
                for (AnalysisView.Driver d : a.drivers()) {
                    rows.add(List.of(++n, d.title(), d.leadUnitName(), d.indicatorName(), d.dueDate().toString(),
                            d.daysLate() > 0 ? "逾期" + d.daysLate() + "天" : "未逾期"));
                }
                word.caption(DRIVERS);
                word.table(List.of("序号", "任务", "牵头单位", "关联指标", "应完成日期", "进度"), rows,
                        new int[]{7, 29, 16, 19, 15, 14});
            }

            word.heading("四、下步建议");
            word.body("对红色指标，建议由分管领导牵头专题调度，责任单位逐项分析原因、制定追赶措施；对黄色指标，"
                    + "责任单位要紧盯时间节点，防止滑入红色；关联任务逾期的，督查室将按规定下达督办单。");
            word.blank();
            BulletinDocument.signature(word, issuer, MonthlyBulletin.date(issuedOn));
            return word.bytes();
        }
    }

    /** The paragraph on one target: its figures, how it stands against time, its rank among peers. */
    static String paragraph(AnalysisView.IndicatorAnalysis ind) {
        StringBuilder text = new StringBuilder("年度确保目标").append(plain(ind.committedValue())).append(ind.unit()).append("。");
        if (ind.actual() == null) {
            text.append("截至目前尚无审核通过的实绩");
        } else {
            text.append("最新实绩").append(plain(ind.actual())).append(ind.unit()).append("，完成进度")
                    .append(BulletinDocument.percent(ind.completionRatio())).append("，序时进度")
                    .append(BulletinDocument.percent(ind.expectedRatio()));
            double gap = (ind.completionRatio() - ind.expectedRatio()) * 100;
            text.append(Math.abs(gap) < 0.05 ? "，与序时持平" : gap > 0 ? String.format("，快于序时%.1f个百分点", gap)
                    : String.format("，慢于序时%.1f个百分点", -gap));
        }
        text.append("，").append(switch (ind.colour()) {
            case BLUE -> "运行正常（蓝色）";
            case YELLOW -> "需要关注（黄色）";
            case RED -> "明显滞后（红色）";
        }).append("。");
        AnalysisView.PeerStanding peers = ind.peers();
        if (peers != null && peers.of() > 1) {
            if (peers.rank() == null) {
                text.append("同级").append(peers.of()).append("个单位中暂未排名（尚无实绩）");
            } else {
                text.append("在同级").append(peers.of()).append("个单位中排第").append(peers.rank()).append("位")
                        .append(peers.firstTier() ? "，处于第一方阵" : "");
            }
            if (!peers.leaders().isEmpty()) {
                text.append("；前列单位为").append(String.join("、", peers.leaders()));
            }
            text.append("。");
        }
        return text.toString();
    }

    static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    /** 一 … 九十九, then Arabic numerals: a heading number. */
    static String chineseNumber(int n) {
        if (n >= 100) {
            return Integer.toString(n);
        }
        if (n <= 10) {
            return String.valueOf(NUMERALS.charAt(n - 1));
        }
        return (n < 20 ? "" : String.valueOf(NUMERALS.charAt(n / 10 - 1))) + "十"
                + (n % 10 == 0 ? "" : String.valueOf(NUMERALS.charAt(n % 10 - 1)));
    }
}
