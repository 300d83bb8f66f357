package org.kpi.goals.reports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The analysis numbers its targets' headings as Chinese documents do, however many there are. */
class AnalysisDocumentTest {

    @Test
    void headingsAreNumberedInChineseToNinetyNineAndInFiguresBeyond() {
        assertEquals(List.of("一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "100", "110", "250"),
                IntStream.of(1, 9, 10, 11, 19, 20, 21, 99, 100, 110, 250).mapToObj(AnalysisDocument::chineseNumber).toList());
    }
}
