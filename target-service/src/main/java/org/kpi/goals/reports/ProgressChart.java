package org.kpi.goals.reports;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.kpi.goals.progress.Colour;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;

/**
 * Draws one target's progress for the quarterly analysis: bars of the completion ratio period by
 * period (in the target's colour), the time-elapsed line (序时进度) over them. The Chinese text is
 * drawn in the font shipped with the service ({@code fonts/wqy-microhei-gb2312.ttf}), never in one
 * the machine may or may not have.
 */
final class ProgressChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final String FONT = "fonts/wqy-microhei-gb2312.ttf";
    private static final Font BASE = load();
    private static final Color BLUE = new Color(0x2F, 0x6F, 0xC8);
    private static final Color YELLOW = new Color(0xE6, 0xA2, 0x3C);
    private static final Color RED = new Color(0xC0, 0x30, 0x30);
    private static final Color LINE = new Color(0x40, 0x40, 0x40);

    private ProgressChart() {
    }

    private static Font load() {
        System.setProperty("java.awt.headless", "true");
        try (InputStream in = ProgressChart.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("chart font " + FONT + " is missing from the service");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("chart font " + FONT + " is not a TrueType font", e);
        }
    }

    /** The font the charts draw Chinese in (its family name, for tests). */
    static String fontFamily() {
        return BASE.getFamily();
    }

    /** A PNG of {@code series}: bars of completion, a line of time elapsed, both in percent. */
    static byte[] png(String title, String subtitle, List<AnalysisView.Point> series, Colour colour) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset line = new DefaultCategoryDataset();
        for (AnalysisView.Point p : series) {
            String label = periodLabel(p.period());
            bars.addValue(p.completionRatio() == null ? null : p.completionRatio() * 100, "完成进度", label);
            line.addValue(p.expectedRatio() * 100, "序时进度", label);
        }
        StandardChartTheme theme = new StandardChartTheme("kpi");
        theme.setExtraLargeFont(BASE.deriveFont(Font.PLAIN, 22f));
        theme.setLargeFont(BASE.deriveFont(Font.PLAIN, 16f));
        theme.setRegularFont(BASE.deriveFont(Font.PLAIN, 14f));
        theme.setSmallFont(BASE.deriveFont(Font.PLAIN, 12f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        JFreeChart chart = ChartFactory.createBarChart(title, null, "%", bars, PlotOrientation.VERTICAL, true, false,
                false);
        theme.apply(chart);
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, BASE.deriveFont(Font.PLAIN, 14f)));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        BarRenderer barRenderer = (BarRenderer) plot.getRenderer();
        barRenderer.setSeriesPaint(0, switch (colour) {
            case BLUE -> BLUE;
            case YELLOW -> YELLOW;
            case RED -> RED;
        });
        barRenderer.setMaximumBarWidth(0.08);
        barRenderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.0")));
        barRenderer.setDefaultItemLabelsVisible(true);
        barRenderer.setDefaultItemLabelFont(BASE.deriveFont(Font.PLAIN, 12f));
        LineAndShapeRenderer lineRenderer = new LineAndShapeRenderer(true, true);
        lineRenderer.setSeriesPaint(0, LINE);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[]{6f, 4f}, 0f));
        plot.setDataset(1, line);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setLowerBound(0);
        double top = 100;
        for (AnalysisView.Point p : series) {
            if (p.completionRatio() != null) {
                top = Math.max(top, p.completionRatio() * 100);
            }
            top = Math.max(top, p.expectedRatio() * 100);
        }
        range.setUpperBound(Math.ceil(top * 1.15 / 10) * 10);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 2026-07 → 7月; 2026-Q3 → 三季度. */
    static String periodLabel(String period) {
        if (period.contains("-Q")) {
            return "一二三四".charAt(period.charAt(period.length() - 1) - '1') + "季度";
        }
        return Integer.parseInt(period.substring(5)) + "月";
    }
}
