package org.kpi.notify.contacts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An org unit's contacts as the API shows them: the inbox first, always; {@code version} 0 and no
 * {@code updatedAt}/{@code updatedBy} until they are first written.
 */
@Schema(description = "单位联系方式 · An org unit's contacts")
public record ContactsView(String orgUnitCode, List<ChannelView> channels, long version,
                           @Schema(nullable = true) OffsetDateTime updatedAt,
                           @Schema(nullable = true) String updatedBy) {
}
