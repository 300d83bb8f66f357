package org.kpi.task.drafts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpi.task.drafts.extraction.ChineseNumerals;
import org.kpi.task.drafts.extraction.Lexicon;
import org.kpi.task.drafts.extraction.QuantityFinder;
import org.kpi.task.drafts.extraction.QuantityMention;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers with units as plans write them, Chinese numerals, qualifiers and masked numbers. */
class QuantityFinderTest {

    private final QuantityFinder finder = new QuantityFinder(Lexicon.standard());

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @CsvSource({
            "年内再新招引三类500强5个以上, 5, 个, 以上",
            "新增“四上”企业突破200家, 200, 家, 突破",
            "加快总投资12.6亿元的海经大厦改建新建工程, 12.6, 亿元, ",
            "累计注册落户项目达到34个, 34, 个, 累计",
            "力争引进项目20个, 20, 个, 力争",
            "年产值100亿元左右, 100, 亿元, 左右",
            "增加公共停车位1000余个, 1000, 个, 余",
            "全年信贷投放增长10%以上, 10, %, 以上",
            "建设安置房16万平方米, 16, 万平方米, ",
            "引进高端人才2800人以上, 2800, 人, 以上",
            "新建三个标准化农贸市场, 3, 个, ",
            "牵引两大专业园区建设, 2, 大, ",
            "开展十二项专项行动, 12, 项, ",
            "培育一百二十家企业, 120, 家, ",
            "拆迁9.8万平方米, 9.8, 万平方米, ",
            "'新建2,800套', 2800, 套, ",
    })
    void findsTheNumberItsUnitAndItsQualifier(String text, BigDecimal value, String unit, String qualifier) {
        QuantityMention q = QuantityFinder.main(finder.find(text)).orElseThrow();
        assertEquals(0, value.compareTo(q.value()), text + " → " + q);
        assertEquals(unit, q.unit());
        assertEquals(qualifier, q.qualifier());
        assertFalse(q.masked());
    }

    @Test
    void aMaskedNumberIsMaskedAndHasNoValue() {
        QuantityMention q = QuantityFinder.main(finder.find("确保完成年度投资**亿元")).orElseThrow();
        assertTrue(q.masked());
        assertNull(q.value(), "never an invented number");
        assertEquals("亿元", q.unit());
        QuantityMention land = QuantityFinder.main(finder.find("释放土地*余亩")).orElseThrow();
        assertTrue(land.masked());
        assertEquals("亩", land.unit());
        assertEquals("余", land.qualifier());
        QuantityMention more = QuantityFinder.main(finder.find("年内腾退土地****亩以上")).orElseThrow();
        assertTrue(more.masked());
        assertEquals("以上", more.qualifier());
    }

    @Test
    void aMaskedNameIsNotANumber() {
        assertTrue(finder.find("全力争取***大封闭运作政策").isEmpty());
        assertTrue(finder.find("加快推动***字储能装备产业园").isEmpty());
    }

    @Test
    void aCountOfThingsIsPreferredToTheMoneyThatDescribesThem() {
        assertEquals("8", plain(QuantityFinder.main(finder.find("对尚未开工的8个投资500万元以上项目"))));
        assertEquals("6", plain(QuantityFinder.main(finder.find("过10亿元项目6个以上"))));
        assertEquals("53", plain(QuantityFinder.main(finder.find("加快实施53项总投资145亿元的基础设施工程建设"))));
        assertEquals("12.6", plain(QuantityFinder.main(finder.find("加快总投资12.6亿元的海经大厦改建新建工程"))));
        assertTrue(finder.find("加快总投资12.6亿元的海经大厦").get(0).attributive());
    }

    @Test
    void magnitudesAloneAreWordsAndNumbersATaskCannotHoldAreNone() {
        assertTrue(finder.find("亿万人受益").isEmpty());
        assertTrue(finder.find("万人助企行动").isEmpty());
        assertTrue(finder.find("亿亿亿亿个").isEmpty(), "beyond a long: no number, never a wrapped one");
        assertTrue(finder.find("123456789012345个").isEmpty(), "15 digits: more than a task's quantity holds");
        assertTrue(finder.find("1.23456亿元").isEmpty(), "five decimals: more than a task's quantity holds");
        assertEquals("10", plain(QuantityFinder.main(finder.find("十大产业链条"))));
    }

    @Test
    void aLongRunOfDigitsWithoutAUnitIsReadAtOnce() {
        String digits = "7".repeat(200_000);
        List<QuantityMention> found = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> finder.find(digits + "，年内新建3所学校"),
                "a number is matched once, not again from every digit of the run");
        assertEquals(1, found.size());
        assertEquals("3", plain(Optional.of(found.get(0))));
    }

    @Test
    void aRateIsNotAQuantityAndClassesAndRanksAreNotUnits() {
        assertEquals("18", plain(QuantityFinder.main(finder.find("每万名常住人口拥有社区工作者18人"))));
        assertTrue(finder.find("三类500强").isEmpty());
        assertTrue(finder.find("二期工程").isEmpty());
        assertTrue(finder.find("一号工程").isEmpty());
    }

    @Test
    void chineseNumerals() {
        assertEquals(3, ChineseNumerals.parse("三").orElseThrow().intValue());
        assertEquals(2, ChineseNumerals.parse("两").orElseThrow().intValue());
        assertEquals(10, ChineseNumerals.parse("十").orElseThrow().intValue());
        assertEquals(12, ChineseNumerals.parse("十二").orElseThrow().intValue());
        assertEquals(20, ChineseNumerals.parse("二十").orElseThrow().intValue());
        assertEquals(105, ChineseNumerals.parse("一百零五").orElseThrow().intValue());
        assertEquals(3500, ChineseNumerals.parse("三千五百").orElseThrow().intValue());
        assertEquals(20_000, ChineseNumerals.parse("两万").orElseThrow().intValue());
        assertEquals(120_000_000, ChineseNumerals.parse("一亿两千万").orElseThrow().intValue());
        assertEquals(2023, ChineseNumerals.parse("二〇二三").orElseThrow().intValue());
        assertEquals(0, new BigDecimal("12.6").compareTo(ChineseNumerals.parse("12.6").orElseThrow()));
        assertTrue(ChineseNumerals.parse("十x").isEmpty());
        assertTrue(ChineseNumerals.parse("").isEmpty());
    }

    private static String plain(Optional<QuantityMention> q) {
        return q.orElseThrow().value().stripTrailingZeros().toPlainString();
    }
}
