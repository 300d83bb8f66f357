package org.kpi.common.web;

import java.util.Locale;

/**
 * Which characters a text may hold. Everywhere refused: NUL (PostgreSQL cannot store it), the
 * other C0 and C1 control characters and DEL, and the bidirectional controls (U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069) with which a name can display as something it is not.
 * Free text keeps its tabs and line breaks; a single-line text (a code, a name, a title) may not.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * Whether a JSON field holds single-line text: codes ({@code code}, {@code leadUnitCode},
     * {@code coUnitCodes}), names, titles and units.
     */
    public static boolean isSingleLine(String field) {
        if (field == null) {
            return false;
        }
        String lower = field.toLowerCase(Locale.ROOT);
        return lower.endsWith("code") || lower.endsWith("codes") || lower.endsWith("name")
                || lower.endsWith("title") || lower.endsWith("unit");
    }

    /** What is wrong with {@code text} (in the users' language), or {@code null} when nothing is. */
    public static String problemWith(String text, boolean singleLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "不能包含空字符（U+0000）";
            }
            if (isBidiControl(c)) {
                return "不能包含双向文本控制字符（" + codePoint(c) + "）";
            }
            if (isLineBreakOrTab(c)) {
                if (singleLine) {
                    return "不能包含换行符或制表符（" + codePoint(c) + "）";
                }
            } else if (Character.isISOControl(c)) {
                return "不能包含控制字符（" + codePoint(c) + "）";
            }
        }
        return null;
    }

    /** {@code text} with every character {@link #problemWith} could object to shown as its code point. */
    public static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c) || isLineBreakOrTab(c)) {
                shown.append('<').append(codePoint(c)).append('>');
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
