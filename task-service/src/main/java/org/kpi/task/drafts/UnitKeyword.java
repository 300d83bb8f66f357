package org.kpi.task.drafts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A keyword that points to the department that usually leads such work: 招商 → 商务局. */
@Schema(description = "关键词 → 牵头单位 · A keyword and the unit it suggests as lead")
public record UnitKeyword(
        @NotBlank(message = "关键词不能为空") @Size(max = 32, message = "关键词最长 32 个字符") String keyword,
        @NotBlank(message = "单位代码不能为空") @Size(max = 32, message = "单位代码最长 32 个字符") String unitCode) {
}
