package org.kpi.goals.rankings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks peers on one score: better first, ties share a rank and the next rank skips
 * (1, 2, 2, 4); the top third of the ranked peers (rounded up) is the first tier (第一方阵).
 * Peers without a score come last, unranked.
 */
public final class RankingRule {

    private static final double EPSILON = 1e-9;

    private RankingRule() {
    }

    /** A peer with its score (null when it has none). */
    public record Entry<T>(T peer, Double score) {
    }

    /** A peer's place: {@code rank} null for a peer without a score. */
    public record Placed<T>(T peer, Double score, Integer rank, boolean firstTier) {
    }

    public static <T> List<Placed<T>> rank(List<Entry<T>> entries, boolean higherIsBetter) {
        Comparator<Double> better = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<Entry<T>> scored = new ArrayList<>(entries.stream().filter(e -> e.score() != null).toList());
        scored.sort(Comparator.comparing(Entry::score, better));
        int tier = (int) Math.ceil(scored.size() / 3.0);
        List<Placed<T>> placed = new ArrayList<>(entries.size());
        int rank = 0;
        Double previous = null;
        for (int i = 0; i < scored.size(); i++) {
            Entry<T> e = scored.get(i);
            if (previous == null || Math.abs(e.score() - previous) > EPSILON) {
                rank = i + 1;
                previous = e.score();
            }
            placed.add(new Placed<>(e.peer(), e.score(), rank, rank <= tier));
        }
        entries.stream().filter(e -> e.score() == null)
                .forEach(e -> placed.add(new Placed<>(e.peer(), null, null, false)));
        return placed;
    }
}
