package org.kpi.notify.contacts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of {@code PUT /api/v1/contacts/{orgUnitCode}}: the whole list, replacing the stored one. */
@Schema(description = "单位联系方式（整体替换） · A unit's contacts, replaced as a whole")
public record ContactsRequest(
        @NotNull(message = "不能为空，可以是空列表")
        @Size(max = ContactRules.MAX_CHANNELS, message = "最多 " + ContactRules.MAX_CHANNELS + " 个渠道")
        List<@NotNull(message = "不能为空") @Valid ChannelRequest> channels,
        @Schema(nullable = true, description = "读取时的版本，可选；给出且已过期时 409 · "
                + "The version read, optional: a stale one is a 409")
        Long version) {
}
