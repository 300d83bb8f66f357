package org.kpi.task.drafts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What publishing did: for each draft the task it is, and whether this call made it. */
@Schema(description = "发布结果 · What publishing did")
public record PublishResult(
        List<Item> items,
        @Schema(description = "本次新建的任务数 · Tasks made by this call") int created) {

    /** One draft and its task. */
    @Schema(name = "PublishedDraft")
    public record Item(long draftId, long taskId,
                       @Schema(description = "本次新建（false 为此前已发布） · Made by this call, false when published before")
                       boolean created) {
    }
}
