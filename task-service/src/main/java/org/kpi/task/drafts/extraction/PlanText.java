package org.kpi.task.drafts.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan's text cut the way a reader cuts it: section headings ({@code 一、}, {@code （一）},
 * {@code ——大力实施……行动}), sentences (at 。；！？) and clauses (at ，：). Nothing inside quotes or
 * brackets — “”, 「」, 『』, （）, (), 《》, 【】, ‘’ — is ever cut; an opening mark that is never closed
 * in its paragraph is read as an ordinary character. Every piece keeps its place in the original
 * text, so a reviewer can be shown where a draft came from.
 */
public final class PlanText {

    private static final Map<Character, Character> PAIRS = Map.of('“', '”', '「', '」', '『', '』', '（', '）', '(', ')',
            '《', '》', '【', '】', '‘', '’');
    private static final String SENTENCE_ENDS = "。；;！!？?";
    private static final String CLAUSE_ENDS = "，,：:";
    private static final Pattern LEVEL_ONE = Pattern.compile("^[一二三四五六七八九十]{1,3}[、．.]");
    private static final Pattern LEVEL_TWO = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]");
    private static final Pattern DASH_HEADING = Pattern.compile("^(——|--|—)+");
    /** A sentence longer than this is read in parts, at its clauses. */
    private static final int MAX_SENTENCE = 1000;
    /** How many unclosed marks a closing mark looks back through for its partner. */
    private static final int MAX_OPEN = 32;

    /** A clause: {@code text.substring(start, end)}. */
    public record Clause(int start, int end) {
    }

    /** A sentence's clauses, and the heading of the section it sits under (or {@code null} before the first). */
    public record Sentence(String category, List<Clause> clauses, boolean heading) {

        public int start() {
            return clauses.get(0).start();
        }

        public int end() {
            return clauses.get(clauses.size() - 1).end();
        }
    }

    private final String text;
    private final boolean[] enclosed;

    private PlanText(String text) {
        this.text = text;
        this.enclosed = enclosed(text);
    }

    /** The sentences of {@code text}, in order. */
    public static List<Sentence> sentences(String text) {
        return new PlanText(text).split();
    }

    private List<Sentence> split() {
        List<Sentence> sentences = new ArrayList<>();
        String levelOne = null;
        String levelTwo = null;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = lineEnd(lineStart);
            int from = skipBlank(lineStart, lineEnd);
            int to = trimEnd(from, lineEnd);
            if (from < to) {
                String line = text.substring(from, to);
                Matcher one = LEVEL_ONE.matcher(line);
                Matcher two = LEVEL_TWO.matcher(line);
                Matcher dash = DASH_HEADING.matcher(line);
                int headingStart = -1;
                int level = 0;
                if (one.find()) {
                    headingStart = from + one.end();
                    level = 1;
                } else if (two.find()) {
                    headingStart = from + two.end();
                    level = 2;
                } else if (dash.find()) {
                    headingStart = from + dash.end();
                    level = 2;
                }
                int bodyStart = from;
                int headingEnd = level > 0 ? nextSentenceEnd(headingStart, to) : -1;
                String heading = level > 0 ? text.substring(headingStart, trimEnd(headingStart, headingEnd)).strip() : "";
                if (level > 0 && !hasText(heading)) {
                    // 一、 with nothing after it, or a line of dashes: not a heading
                    level = 0;
                }
                if (level > 0) {
                    if (level == 1) {
                        levelOne = heading;
                        levelTwo = null;
                    } else {
                        levelTwo = heading;
                    }
                    List<Clause> clauses = clauses(headingStart, headingEnd);
                    if (!clauses.isEmpty()) {
                        sentences.add(new Sentence(category(levelOne, levelTwo), clauses, true));
                    }
                    bodyStart = Math.min(to, headingEnd + 1);
                }
                int sentenceStart = bodyStart;
                while (sentenceStart < to) {
                    int sentenceEnd = nextSentenceEnd(sentenceStart, to);
                    List<Clause> clauses = clauses(sentenceStart, sentenceEnd);
                    // a run-on "sentence" (a line of commas, a pasted table) is read in parts of a sensible length
                    List<Clause> part = new ArrayList<>();
                    for (Clause clause : clauses) {
                        if (!part.isEmpty() && clause.end() - part.get(0).start() > MAX_SENTENCE) {
                            sentences.add(new Sentence(category(levelOne, levelTwo), part, false));
                            part = new ArrayList<>();
                        }
                        part.add(clause);
                    }
                    if (!part.isEmpty()) {
                        sentences.add(new Sentence(category(levelOne, levelTwo), part, false));
                    }
                    sentenceStart = sentenceEnd + 1;
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    /** Where the line starting at {@code from} ends: its \n or \r, or the end of the text. */
    private int lineEnd(int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** Whether a heading says anything: a letter or an ideograph, not only dashes and marks. */
    private static boolean hasText(String heading) {
        return heading.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static String category(String levelOne, String levelTwo) {
        return levelTwo != null ? levelTwo : levelOne;
    }

    /** Where the sentence starting at {@code from} ends: its 。；！？ outside quotes, or {@code to}. */
    private int nextSentenceEnd(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!enclosed[i] && SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return to;
    }

    private List<Clause> clauses(int from, int to) {
        List<Clause> clauses = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || (!enclosed[i] && CLAUSE_ENDS.indexOf(text.charAt(i)) >= 0)) {
                int s = skipBlank(start, i);
                int e = trimEnd(s, i);
                if (s < e) {
                    clauses.add(new Clause(s, e));
                }
                start = i + 1;
            }
        }
        return clauses;
    }

    private int skipBlank(int from, int to) {
        int i = from;
        while (i < to && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int trimEnd(int from, int to) {
        int i = to;
        while (i > from && (isBlank(text.charAt(i - 1)) || SENTENCE_ENDS.indexOf(text.charAt(i - 1)) >= 0)) {
            i--;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0' || c == '\ufeff';
    }

    /**
     * Which characters lie inside a pair of quotes or brackets (the marks included). Pairs are
     * matched within a line; straight double quotes pair up in turn.
     */
    private static boolean[] enclosed(String text) {
        // +1 where a pair opens, -1 after it closes: one pass to find the pairs, one to add up
        int[] depth = new int[text.length() + 1];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                open.clear();
            } else if (c == '"') {
                if (!open.isEmpty() && text.charAt(open.peek()) == '"') {
                    pair(depth, open.pop(), i);
                } else {
                    open.push(i);
                }
            } else if (PAIRS.containsKey(c)) {
                open.push(i);
                if (open.size() > MAX_OPEN) {
                    open.removeLast();
                }
            } else if (PAIRS.containsValue(c)) {
                // close the nearest matching opening mark; marks opened inside it and never closed are dropped
                Integer partner = null;
                int looked = 0;
                for (Integer candidate : open) {
                    Character closer = PAIRS.get(text.charAt(candidate));
                    if (closer != null && closer == c) {
                        partner = candidate;
                        break;
                    }
                    if (++looked >= MAX_OPEN) {
                        break;
                    }
                }
                if (partner != null) {
                    while (!open.peek().equals(partner)) {
                        open.pop();
                    }
                    open.pop();
                    pair(depth, partner, i);
                }
            }
        }
        boolean[] inside = new boolean[text.length()];
        int level = 0;
        for (int i = 0; i < text.length(); i++) {
            level += depth[i];
            inside[i] = level > 0;
        }
        return inside;
    }

    private static void pair(int[] depth, int from, int to) {
        depth[from]++;
        depth[to + 1]--;
    }
}
