package org.kpi.notify.messages;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * What the digest templates read: one unit's messages of a day on one channel, merged (每日汇总).
 *
 * @param dayLabel  the day in words (11月23日)
 * @param items     the merged messages, oldest first
 * @param inboxLink the console's inbox, where every reminder is listed
 * @param headline  the rendered title, repeated at the top of the body
 */
@TemplateData
public record DigestMessage(String dayLabel, List<Item> items, String inboxLink, String headline) {

    /** One merged message: its title and where to act on it. */
    @TemplateData
    public record Item(String title, String link) {
    }

    DigestMessage withHeadline(String rendered) {
        return new DigestMessage(dayLabel, items, inboxLink, rendered);
    }
}
