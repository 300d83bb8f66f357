package org.kpi.task.drafts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The keywords of a district, replaced as a whole. */
@Schema(description = "牵头单位关键词（整体替换） · The keywords, replaced as a whole")
public record UnitKeywordsUpdate(
        @NotNull(message = "必填") @Size(max = 500, message = "最多 500 个关键词")
        List<@NotNull(message = "不能为空") @Valid UnitKeyword> keywords,
        @Schema(nullable = true, description = "所依据的版本（可代替 If-Match） · The version this change is based on")
        Long version) {
}
