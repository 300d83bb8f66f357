package org.kpi.goals.rankings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingRuleTest {

    static List<RankingRule.Placed<String>> rank(boolean higher, Double... scores) {
        List<RankingRule.Entry<String>> entries = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            entries.add(new RankingRule.Entry<>("u" + i, scores[i]));
        }
        return RankingRule.rank(entries, higher);
    }

    static String summary(List<RankingRule.Placed<String>> placed) {
        StringBuilder out = new StringBuilder();
        for (RankingRule.Placed<String> p : placed) {
            out.append(p.peer()).append(':').append(p.rank()).append(p.firstTier() ? "*" : "").append(' ');
        }
        return out.toString().trim();
    }

    @Test
    void higherIsBetterWithTiesSharingARankAndTheNextSkipping() {
        assertEquals("u1:1* u0:2* u2:2* u3:4", summary(rank(true, 0.8, 0.9, 0.8, 0.5)));
    }

    @Test
    void lowerIsBetterRanksAscending() {
        assertEquals("u2:1* u0:2 u1:3", summary(rank(false, 30.0, 40.0, 20.0)));
    }

    @Test
    void firstTierIsTheTopThirdRoundedUp() {
        assertEquals("u0:1* u1:2* u2:3 u3:4 u4:5", summary(rank(true, 5.0, 4.0, 3.0, 2.0, 1.0)));
        assertEquals("u0:1* u1:2 u2:3", summary(rank(true, 3.0, 2.0, 1.0)));
    }

    @Test
    void tiesAtTheTierBoundaryAllBelongToIt() {
        assertEquals("u0:1* u1:1* u2:1* u3:4", summary(rank(true, 1.0, 1.0, 1.0, 0.0)));
    }

    @Test
    void peersWithoutAScoreComeLastUnranked() {
        assertEquals("u1:1* u0:null", summary(rank(true, null, 2.0)));
        assertEquals("", summary(rank(true)));
    }
}
