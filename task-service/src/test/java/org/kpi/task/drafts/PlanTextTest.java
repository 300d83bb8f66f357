package org.kpi.task.drafts;

import org.junit.jupiter.api.Test;
import org.kpi.task.drafts.extraction.PlanText;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cutting a plan into headings, sentences and clauses; quotes and brackets are never cut. */
class PlanTextTest {

    @Test
    void headingsOfEveryStyleBecomeTheCategory() {
        String text = """
                一、在重大片区开发建设上主动担当。年内开工建设产业园，明年投入运营。
                （一）招商引资
                年内新招引项目5个以上。
                ——大力实施城市更新行动
                年内完成征迁10万平方米。
                二、保障改善民生
                新建学校2所。
                """;
        List<PlanText.Sentence> sentences = PlanText.sentences(text);
        List<String> bodies = sentences.stream().filter(s -> !s.heading())
                .map(s -> s.category() + " | " + text.substring(s.start(), s.end())).toList();
        assertEquals(List.of(
                "在重大片区开发建设上主动担当 | 年内开工建设产业园，明年投入运营",
                "招商引资 | 年内新招引项目5个以上",
                "大力实施城市更新行动 | 年内完成征迁10万平方米",
                "保障改善民生 | 新建学校2所"), bodies);
    }

    @Test
    void quotesAndBracketsAreNeverCut() {
        String text = "按照“8月份拉出单子，10月份谋划前期；12月份完成准备”的要求，出台《关于加快发展的意见（试行）》，"
                + "推进「一网通办，一次办好」改革。";
        List<PlanText.Sentence> sentences = PlanText.sentences(text);
        assertEquals(1, sentences.size());
        List<String> clauses = sentences.get(0).clauses().stream().map(c -> text.substring(c.start(), c.end())).toList();
        assertEquals(List.of("按照“8月份拉出单子，10月份谋划前期；12月份完成准备”的要求",
                "出台《关于加快发展的意见（试行）》", "推进「一网通办，一次办好」改革"), clauses);
    }

    @Test
    void anUnbalancedQuoteIsAnOrdinaryCharacter() {
        String text = "推进“智慧城市建设，年内完成。明年开工。";
        List<PlanText.Sentence> sentences = PlanText.sentences(text);
        assertEquals(2, sentences.size(), "the quote that never closes does not swallow the rest");
        assertEquals(2, sentences.get(0).clauses().size());
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "\u3000\u3000一、总体要求\n  年内完成，明年开工。";
        PlanText.Sentence body = PlanText.sentences(text).stream().filter(s -> !s.heading()).findFirst().orElseThrow();
        assertEquals("年内完成", text.substring(body.clauses().get(0).start(), body.clauses().get(0).end()));
        assertEquals("总体要求", body.category());
    }

    @Test
    void oldMacAndWindowsLineEndsEndLinesAndEmptyOrDashedHeadingsAreNoHeadings() {
        String text = "一、招商引资\r年内新招引项目5个。\r\n二、\r\n————\r新建学校2所。";
        List<String> bodies = PlanText.sentences(text).stream().filter(s -> !s.heading())
                .map(s -> s.category() + " | " + text.substring(s.start(), s.end())).toList();
        assertEquals(List.of("招商引资 | 年内新招引项目5个", "招商引资 | 二、", "招商引资 | ————", "招商引资 | 新建学校2所"), bodies);
    }

    @Test
    void aRunOnSentenceIsReadInPartsAtItsClauses() {
        String text = "新建学校1所，".repeat(400);
        List<PlanText.Sentence> sentences = PlanText.sentences(text);
        assertEquals(true, sentences.size() > 1);
        sentences.forEach(s -> assertEquals(true, s.end() - s.start() <= 1000 + 8, "a part at most about 1000 characters"));
        assertEquals(400, sentences.stream().mapToInt(s -> s.clauses().size()).sum(), "no clause lost");
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
        assertEquals(0, PlanText.sentences("").size());
        assertEquals(0, PlanText.sentences("  \n\u3000\n").size());
    }
}
