package org.kpi.task.drafts.extraction;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Chinese date expressions of work plans and resolves them against the plan's date:
 * <ul>
 *   <li>{@code 年内}, {@code 年底}, {@code 年底前}, {@code 全年}, {@code 今年}, {@code 年度} → 31 Dec of the plan's year;</li>
 *   <li>{@code 9月初} → 10 Sep, {@code 9月上旬} → 10 Sep, {@code 9月中旬} → 20 Sep, {@code 9月底} / {@code 9月下旬} → 30 Sep,
 *       {@code 11月} / {@code 11月份} → 30 Nov, {@code 9月15日} → 15 Sep;</li>
 *   <li>{@code 一季度} … {@code 四季度} → the quarter's last day; {@code 上半年} → 30 Jun, {@code 下半年} → 31 Dec;</li>
 *   <li>{@code 明年} → 31 Dec of the next year, {@code 明年上半年} → 30 Jun of the next year (and the other
 *       parts of a year after {@code 明年});</li>
 *   <li>{@code 2023年} → 31 Dec 2023, {@code 2023年6月} → 30 Jun 2023, {@code 2023年底} → 31 Dec 2023;</li>
 *   <li>{@code “十四五”末} → 31 Dec 2025, the end of the five-year plan named.</li>
 * </ul>
 * Expressions are matched longest first ({@code 明年上半年} is one expression, not two).
 */
public final class DateFinder {

    private static final String MONTH = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])";
    private static final String PART = "(初|上旬|中旬|下旬|中|底|末)?";
    private static final String HALF_OR_QUARTER = "(上半年|下半年|第?[一二三四1-4]季度|年底|年末|底|末)";
    private static final Pattern EXPRESSION = Pattern.compile(String.join("|",
            // “十四五”末: the end of a five-year plan
            "(?<fyp>[“\"‘]?十(?<fypn>[一二三四五六七八九])五[”\"’]?(?:期末|末))",
            // 2023年6月底, 2023年6月15日
            "(?<ym>(?<ymy>\\d{4})年" + MONTH.replace("(", "(?<ymm>") + "月份?(?:(?<ymd>\\d{1,2})日|" + PART.replace("(", "(?<ymp>") + ")前?)",
            // 2023年上半年, 2023年底, 2023年
            "(?<y>(?<yy>\\d{4})年" + HALF_OR_QUARTER.replace("(", "(?<yp>") + "?前?)",
            // 明年上半年, 明年底, 明年
            "(?<next>明年" + HALF_OR_QUARTER.replace("(", "(?<np>") + "?前?)",
            // 6月15日, 9月初, 11月份, 9月底前
            "(?<m>" + MONTH.replace("(", "(?<mm>") + "月份?(?:(?<md>\\d{1,2})日|" + PART.replace("(", "(?<mp>") + ")前?)",
            // 上半年, 四季度, 第三季度
            "(?<hq>(?:今年|年内)?(?<hqp>上半年|下半年|第?[一二三四1-4]季度)(?:末|前)?)",
            // 年内, 年底前, 全年, 今年, 年度
            "(?<year>今年年?底前?|今年内|本年度|年底前|年底|年末|年内|全年|今年|当年|年度)"));

    private final LocalDate planDate;

    /** Resolves against {@code planDate}, the day the plan was issued. */
    public DateFinder(LocalDate planDate) {
        this.planDate = planDate;
    }

    /** Every date expression in {@code text}, in order; expressions that end before the plan's date are left out. */
    public List<DateMention> find(String text) {
        List<DateMention> found = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            if (m.start("m") >= 0 && m.start() > 0 && isDigitOrNumeral(text.charAt(m.start() - 1))) {
                // the tail of a longer number, e.g. 12345 or 二十五月
                continue;
            }
            resolve(m).filter(date -> !date.date().isBefore(planDate)).ifPresent(found::add);
        }
        return found;
    }

    private java.util.Optional<DateMention> resolve(Matcher m) {
        int year = planDate.getYear();
        LocalDate date;
        boolean yearOnly = false;
        if (m.group("fyp") != null) {
            int n = 10 + ChineseNumerals.chinese(m.group("fypn")).orElseThrow().intValue();
            date = LocalDate.of(2010 + 5 * (n - 11), 12, 31);
        } else if (m.group("ym") != null) {
            date = day(Integer.parseInt(m.group("ymy")), month(m.group("ymm")), m.group("ymd"), m.group("ymp"));
        } else if (m.group("y") != null) {
            int named = Integer.parseInt(m.group("yy"));
            yearOnly = m.group("yp") == null;
            date = part(named, m.group("yp"));
        } else if (m.group("next") != null) {
            yearOnly = m.group("np") == null;
            date = part(year + 1, m.group("np"));
        } else if (m.group("m") != null) {
            date = day(year, month(m.group("mm")), m.group("md"), m.group("mp"));
        } else if (m.group("hq") != null) {
            date = part(year, m.group("hqp"));
        } else {
            date = LocalDate.of(year, 12, 31);
        }
        if (date == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DateMention(date, m.group(), m.start(), m.end(), yearOnly));
    }

    /** The last day of a half or quarter of {@code year} (31 Dec when {@code part} is null or the year's end). */
    private static LocalDate part(int year, String part) {
        if (part == null || part.endsWith("底") || part.endsWith("末")) {
            return LocalDate.of(year, 12, 31);
        }
        return switch (part) {
            case "上半年" -> LocalDate.of(year, 6, 30);
            case "下半年" -> LocalDate.of(year, 12, 31);
            default -> {
                String q = part.replace("第", "").replace("季度", "");
                int quarter = q.chars().allMatch(Character::isDigit) ? Integer.parseInt(q)
                        : ChineseNumerals.chinese(q).orElseThrow().intValue();
                yield YearMonth.of(year, quarter * 3).atEndOfMonth();
            }
        };
    }

    /** A day of a month: the day written, the 10th for 初/上旬, the 20th for 中/中旬, else the month's last day. */
    private static LocalDate day(int year, int month, String dayOfMonth, String part) {
        if (month < 1 || month > 12) {
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        if (dayOfMonth != null) {
            int d = Integer.parseInt(dayOfMonth);
            return d >= 1 && d <= ym.lengthOfMonth() ? ym.atDay(d) : null;
        }
        if (part == null) {
            return ym.atEndOfMonth();
        }
        return switch (part) {
            case "初", "上旬" -> ym.atDay(10);
            case "中", "中旬" -> ym.atDay(20);
            default -> ym.atEndOfMonth();
        };
    }

    private static int month(String text) {
        return ChineseNumerals.parse(text).orElseThrow().intValue();
    }

    private static boolean isDigitOrNumeral(char c) {
        return Character.isDigit(c) || ChineseNumerals.CHARACTERS.indexOf(c) >= 0 || c == '.';
    }
}
