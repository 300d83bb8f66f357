package org.kpi.task.drafts.extraction;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers as plans write them: Arabic digits ({@code 12.6}, {@code 2,800}) and Chinese numerals
 * ({@code 三}, {@code 两}, {@code 十二}, {@code 一百二十}, {@code 三千五百}, {@code 两万}).
 */
public final class ChineseNumerals {

    /** Characters a Chinese numeral is made of. */
    public static final String CHARACTERS = "零〇一二两三四五六七八九十百千万亿";

    private static final Map<Character, Integer> DIGITS = Map.ofEntries(
            Map.entry('零', 0), Map.entry('〇', 0), Map.entry('一', 1), Map.entry('二', 2), Map.entry('两', 2),
            Map.entry('三', 3), Map.entry('四', 4), Map.entry('五', 5), Map.entry('六', 6), Map.entry('七', 7),
            Map.entry('八', 8), Map.entry('九', 9));
    private static final Map<Character, Long> SMALL_UNITS = Map.of('十', 10L, '百', 100L, '千', 1000L);
    private static final Map<Character, Long> LARGE_UNITS = Map.of('万', 10_000L, '亿', 100_000_000L);

    /** The longest numeral read; longer runs of numeral characters are not a number in a plan. */
    private static final int MAX_LENGTH = 16;

    private ChineseNumerals() {
    }

    /** The value of {@code text}, Arabic or Chinese; empty when it is not a number. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plain = text.strip().replace(",", "").replace("，", "");
        if (plain.matches("\\d{1,30}(\\.\\d{1,30})?")) {
            return Optional.of(new BigDecimal(plain));
        }
        return chinese(plain).map(BigDecimal::valueOf);
    }

    /**
     * A Chinese numeral: digits grouped by 十/百/千 within 万 and 亿 sections ({@code 三千五百} is
     * 3500, {@code 十二} is 12, {@code 两万} is 20000); a run of digits alone is read digit by digit
     * ({@code 二〇二三} is 2023).
     */
    static Optional<Long> chinese(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (char c : text.toCharArray()) {
            if (CHARACTERS.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        // 万人, 亿万, 百日: magnitudes alone are words, not numbers (十 alone is ten: 十大)
        if (text.chars().noneMatch(c -> DIGITS.containsKey((char) c)) && text.charAt(0) != '十') {
            return Optional.empty();
        }
        try {
            return Optional.of(value(text));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static long value(String text) {
        boolean digitsOnly = text.chars().allMatch(c -> DIGITS.containsKey((char) c));
        if (digitsOnly && text.length() > 1) {
            long value = 0;
            for (char c : text.toCharArray()) {
                value = Math.addExact(Math.multiplyExact(value, 10), DIGITS.get(c));
            }
            return value;
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        for (char c : text.toCharArray()) {
            if (DIGITS.containsKey(c)) {
                digit = DIGITS.get(c);
            } else if (SMALL_UNITS.containsKey(c)) {
                // 十 alone or at the start means 一十
                section = Math.addExact(section, (digit < 0 ? 1 : digit) * SMALL_UNITS.get(c));
                digit = -1;
            } else {
                long unit = LARGE_UNITS.get(c);
                long part = section + Math.max(digit, 0);
                if (part == 0) {
                    part = 1;
                }
                total = unit > 10_000L ? Math.multiplyExact(Math.addExact(total, part), unit)
                        : Math.addExact(total, Math.multiplyExact(part, unit));
                section = 0;
                digit = -1;
            }
        }
        return Math.addExact(Math.addExact(total, section), Math.max(digit, 0));
    }
}
