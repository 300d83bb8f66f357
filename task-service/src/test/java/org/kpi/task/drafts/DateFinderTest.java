package org.kpi.task.drafts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpi.task.drafts.extraction.DateFinder;
import org.kpi.task.drafts.extraction.DateMention;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Chinese date form the extractor resolves, against a plan issued on 1 Aug 2022. */
class DateFinderTest {

    private final DateFinder finder = new DateFinder(LocalDate.of(2022, 8, 1));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "年内开工, 2022-12-31, 年内",
            "年底完成, 2022-12-31, 年底",
            "年底前建成, 2022-12-31, 年底前",
            "全年信贷投放增长10%, 2022-12-31, 全年",
            "今年内完成, 2022-12-31, 今年内",
            "确保完成年度投资, 2022-12-31, 年度",
            "9月初开工建设, 2022-09-10, 9月初",
            "9月底前完成, 2022-09-30, 9月底前",
            "9月上旬, 2022-09-10, 9月上旬",
            "9月中旬, 2022-09-20, 9月中旬",
            "9月下旬, 2022-09-30, 9月下旬",
            "11月开工, 2022-11-30, 11月",
            "8月份拉出单子, 2022-08-31, 8月份",
            "十二月完成, 2022-12-31, 十二月",
            "9月15日前完成, 2022-09-15, 9月15日前",
            "四季度申报, 2022-12-31, 四季度",
            "第三季度, 2022-09-30, 第三季度",
            "下半年完成, 2022-12-31, 下半年",
            "明年上半年投入运营, 2023-06-30, 明年上半年",
            "明年下半年, 2023-12-31, 明年下半年",
            "明年开工, 2023-12-31, 明年",
            "明年二季度, 2023-06-30, 明年二季度",
            "“十四五”末突破500亿元, 2025-12-31, “十四五”末",
            "十四五末, 2025-12-31, 十四五末",
            "“十五五”期末, 2030-12-31, “十五五”期末",
            "2023年底前完成, 2023-12-31, 2023年底前",
            "2023年6月底, 2023-06-30, 2023年6月底",
            "2024年上半年, 2024-06-30, 2024年上半年",
    })
    void resolvesTheForm(String text, LocalDate expected, String written) {
        List<DateMention> found = finder.find(text);
        assertEquals(1, found.size(), text + " → " + found);
        assertEquals(expected, found.get(0).date());
        assertEquals(written, found.get(0).text());
    }

    @Test
    void aQuarterOrHalfFromThePlansOwnYearDependsOnThePlansDate() {
        DateFinder spring = new DateFinder(LocalDate.of(2022, 3, 1));
        assertEquals(LocalDate.of(2022, 6, 30), spring.find("二季度完成").get(0).date());
        assertEquals(LocalDate.of(2022, 6, 30), spring.find("上半年完成").get(0).date());
    }

    @Test
    void datesBeforeThePlanAreAReviewNotADeadline() {
        assertTrue(finder.find("在上半年累计融资授信**亿元基础上").isEmpty());
        assertTrue(finder.find("二季度完成").isEmpty());
    }

    @Test
    void severalDatesInOneClauseAreFoundInOrder() {
        List<DateMention> found = finder.find("按照“8月份拉出单子、10月份谋划前期、12月份完成准备”的要求");
        assertEquals(List.of(LocalDate.of(2022, 8, 31), LocalDate.of(2022, 10, 31), LocalDate.of(2022, 12, 31)),
                found.stream().map(DateMention::date).toList());
    }

    @Test
    void aYearAloneIsMarkedSoThatBeforeANounItQualifiesTheNoun() {
        DateMention next = finder.find("明年项目").get(0);
        assertTrue(next.yearOnly());
        assertTrue(finder.find("2023年重点项目").get(0).yearOnly());
        assertFalse(finder.find("明年上半年").get(0).yearOnly());
    }

    @Test
    void noDateMeansNone() {
        assertTrue(finder.find("加快航天信息产业园规划建设").isEmpty());
        assertTrue(finder.find("3个月内").isEmpty(), "a duration is not a month");
        assertTrue(finder.find("十五条硬措施").isEmpty());
        assertTrue(finder.find("12345政务服务热线").isEmpty());
    }
}
