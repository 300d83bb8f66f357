package org.kpi.task.drafts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests who should lead a draft and who should help (牵头单位与配合单位) from the keywords its
 * text contains: each unit scores the length of every keyword of it found (a longer keyword is more
 * telling: 产业园 over 项目); the best-scoring unit leads, the next ones (at most {@value #MAX_CO})
 * help. Ties go to the unit whose keyword comes first in the text.
 */
public final class UnitSuggester {

    static final int MAX_CO = 3;

    /** The lead (or {@code null} when no keyword matched) and the co-units. */
    public record Suggestion(String lead, List<String> coUnits) {
    }

    private final List<UnitKeyword> keywords;

    public UnitSuggester(List<UnitKeyword> keywords) {
        this.keywords = keywords;
    }

    public Suggestion suggest(String text) {
        Map<String, int[]> scores = new LinkedHashMap<>();
        for (UnitKeyword k : keywords) {
            int at = text.indexOf(k.keyword());
            if (at < 0) {
                continue;
            }
            int[] score = scores.computeIfAbsent(k.unitCode(), u -> new int[]{0, Integer.MAX_VALUE});
            score[0] += k.keyword().length();
            score[1] = Math.min(score[1], at);
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                .thenComparingInt(e -> e.getValue()[1]));
        if (ranked.isEmpty()) {
            return new Suggestion(null, List.of());
        }
        List<String> co = ranked.stream().skip(1).limit(MAX_CO).map(Map.Entry::getKey).toList();
        return new Suggestion(ranked.get(0).getKey(), co);
    }
}
