package org.kpi.task.drafts.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds numbers with units in a plan's text — {@code 新招引三类500强5个以上} gives 5 个 以上,
 * {@code 200家} 200 家, {@code 12.6亿元} 12.6 亿元, {@code 两大} 2 大, {@code **亿元} a masked number
 * in 亿元 — and picks the one a task would be measured by. The units are data ({@link Lexicon}).
 */
public final class QuantityFinder {

    /** Qualifiers written before the number; the nearest one counts. */
    private static final List<String> BEFORE = List.of("突破", "超过", "不少于", "不低于", "累计", "力争");
    /** What follows a number that describes a thing: 总投资12.6亿元的工程, 500万元以上项目. */
    private static final Pattern DESCRIBES = Pattern.compile("(以上)?(的|项目)");
    /** How far before a number a qualifier such as 累计 may stand. */
    private static final int QUALIFIER_REACH = 24;
    private static final int MAX_INTEGER = 14;
    private static final int MAX_FRACTION = 4;

    private final Pattern pattern;
    private final Lexicon lexicon;

    public QuantityFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
        String units = lexicon.units().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // a number starts where no other digit, numeral or mask does, and its runs are taken whole
        // (possessive): a long run of digits with no unit after it is passed over in one step
        this.pattern = Pattern.compile("(?<![0-9零〇一二两三四五六七八九十百千万亿*.,])"
                + "(?<num>\\d++(?:[.,]\\d++)*+|[零〇一二两三四五六七八九十百千万亿]++|\\*++)"
                + "(?<approx>余|多)?(?<unit>" + units + ")(?<after>以上|左右|以内)?");
    }

    /** Every quantity in {@code text}, in order; a rate (每万名) is not one. */
    public List<QuantityMention> find(String text) {
        List<QuantityMention> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (start > 0 && text.charAt(start - 1) == '每') {
                continue;
            }
            String number = m.group("num");
            boolean masked = number.startsWith("*");
            BigDecimal value = null;
            if (!masked) {
                Optional<BigDecimal> parsed = ChineseNumerals.parse(number).filter(QuantityFinder::storable);
                if (parsed.isEmpty()) {
                    continue;
                }
                value = parsed.get();
            }
            String unit = m.group("unit");
            if (masked && "大".equals(unit)) {
                // ***大 is a masked name (***大封闭运作), not a number of things
                continue;
            }
            String qualifier = qualifier(text, start, m.group("approx"), m.group("after"));
            boolean attributive = DESCRIBES.matcher(text).region(m.end(), text.length()).lookingAt();
            found.add(new QuantityMention(value, unit, qualifier, masked, lexicon.countUnits().contains(unit),
                    attributive, start, m.end()));
        }
        return found;
    }

    /**
     * The quantity a task would be measured by: the first count of things that is not a mere
     * description (8个 in 8个投资500万元以上项目), else the first target of any kind, else the first
     * quantity at all.
     */
    public static Optional<QuantityMention> main(List<QuantityMention> mentions) {
        return mentions.stream().filter(q -> q.count() && !q.attributive()).findFirst()
                .or(() -> mentions.stream().filter(q -> !q.attributive()).findFirst())
                .or(() -> mentions.stream().findFirst());
    }

    /** Whether a task can hold {@code value}: at most 14 digits before the point and 4 after. */
    static boolean storable(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= MAX_FRACTION && plain.precision() - plain.scale() <= MAX_INTEGER;
    }

    private static String qualifier(String text, int start, String approx, String after) {
        if (after != null) {
            return after;
        }
        if (approx != null) {
            return approx;
        }
        // the nearest qualifier in the few characters before the number (累计注册落户项目达到34个)
        String before = text.substring(Math.max(0, start - QUALIFIER_REACH), start);
        int nearest = -1;
        String found = null;
        for (String word : BEFORE) {
            int at = before.lastIndexOf(word);
            if (at >= 0 && at > nearest) {
                nearest = at;
                found = word;
            }
        }
        return found;
    }
}
