package org.kpi.notify.channels;

import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.notify.messages.DigestMessage;
import org.kpi.notify.messages.DigestRenderer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Messages the robot tests send: one reminder as the templates write it, and a long digest. */
final class RobotMessages {

    static final String TITLE = "【催办】重点任务“甲区工业技改项目”已逾期 2 天";
    static final String LINK = "http://localhost:8080/tasks/7";

    /** The number an item of a digest carries, at the start of its line: “12. 【提醒】…”. */
    private static final Pattern ITEM = Pattern.compile("(?m)^(\\d+)\\. ");

    private RobotMessages() {
    }

    /** A reminder as {@code MessageRenderer} writes it: the title again, the facts, the link last. */
    static OutboundMessage reminder(long deliveryId) {
        String text = TITLE + "\n完成时限：11月21日\n逾期天数：2 天\n牵头单位：甲区工业和信息化局\n办理入口：" + LINK;
        return new OutboundMessage(deliveryId, "delivery-" + deliveryId, "DA1-GXJ", TITLE, text, LINK,
                Map.of("kind", "URGE"), OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
    }

    /** A daily digest of {@code count} Chinese items, rendered by the real templates. */
    static OutboundMessage digest(DigestRenderer renderer, long deliveryId, int count) {
        List<DigestMessage.Item> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(new DigestMessage.Item("【催办】重点任务“第" + i + "项城市更新与产业升级重点工程（含配套道路、管网和公共服务设施）”已逾期 "
                    + i + " 天，请牵头单位尽快报送进展 😀", "http://localhost:8080/tasks/" + i));
        }
        DigestRenderer.Rendered digest = renderer.render(LocalDate.of(2026, 11, 23), items);
        return new OutboundMessage(deliveryId, "delivery-" + deliveryId, "DA1-GXJ", digest.title(), digest.text(),
                digest.link(), Map.of("digest", true), OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
    }

    /** The item numbers in {@code text}, in the order they appear. */
    static List<Integer> itemNumbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher item = ITEM.matcher(text);
        while (item.find()) {
            numbers.add(Integer.parseInt(item.group(1)));
        }
        return numbers;
    }

    /** 1, 2, … count. */
    static List<Integer> oneTo(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
