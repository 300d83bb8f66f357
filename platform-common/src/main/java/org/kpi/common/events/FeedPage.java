package org.kpi.common.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a feed.
 *
 * @param items   events with {@code seq > after}, in order
 * @param after   the cursor the page was read from
 * @param limit   the most events a page may hold
 * @param lastSeq the cursor to read the next page from
 * @param headSeq the highest {@code seq} the feed serves at the moment (consumers' lag is
 *                {@code headSeq} minus their cursor); {@code null} from producers that do not say
 */
@Schema(description = "事件流的一页 · One page of a feed")
public record FeedPage(List<FeedEvent> items, long after, int limit, long lastSeq,
                       @Schema(nullable = true) Long headSeq) {
}
