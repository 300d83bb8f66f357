package org.kpi.task.drafts.extraction;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence cut into words with their parts of speech by HanLP (the portable build from Maven
 * Central: its dictionaries ship in the jar, nothing is downloaded). The extractor uses the words
 * to find verbs only where they are words ({@code 建成} in 建成启用, not in 建成区) and to tell a
 * year that qualifies a noun ({@code 明年项目}) from one that sets a deadline ({@code 明年开工}).
 */
public final class Words {

    /** One word: where it starts in the sentence, its text and its part of speech (HanLP's tag, e.g. {@code v}, {@code n}, {@code t}). */
    public record Word(int start, String text, String tag) {

        public int end() {
            return start + text.length();
        }

        public boolean noun() {
            return tag.startsWith("n") && !"nx".equals(tag);
        }
    }

    private final List<Word> words;
    /** For each offset: whether a word starts there, whether one ends there, and which word covers it. */
    private final boolean[] starts;
    private final boolean[] ends;
    private final int[] covering;

    private Words(List<Word> words, int length) {
        this.words = words;
        this.starts = new boolean[length + 1];
        this.ends = new boolean[length + 1];
        this.covering = new int[length];
        java.util.Arrays.fill(covering, -1);
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (word.start() < 0 || word.end() > length) {
                continue;
            }
            starts[word.start()] = true;
            ends[word.end()] = true;
            for (int at = word.start(); at < word.end(); at++) {
                covering[at] = i;
            }
        }
    }

    /** The words of {@code sentence}, offsets relative to it. */
    public static Words of(String sentence) {
        Segment segment = HanLP.newSegment().enableOffset(true).enablePlaceRecognize(false)
                .enableOrganizationRecognize(false).enableNameRecognize(false);
        List<Word> words = new ArrayList<>();
        for (Term term : segment.seg(sentence)) {
            words.add(new Word(term.offset, term.word, term.nature == null ? "x" : term.nature.toString()));
        }
        return new Words(words, sentence.length());
    }

    /** Whether {@code from}–{@code to} of the sentence begins and ends on word boundaries. */
    public boolean onBoundaries(int from, int to) {
        return from >= 0 && to < ends.length && starts[from] && ends[to];
    }

    /** The word that starts at {@code offset}, or the one that covers it; {@code null} past the end. */
    public Word at(int offset) {
        return offset >= 0 && offset < covering.length && covering[offset] >= 0 ? words.get(covering[offset]) : null;
    }
}
