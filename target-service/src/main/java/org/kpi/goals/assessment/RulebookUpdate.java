package org.kpi.goals.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A rulebook as a supervisor writes it: its components, replacing the previous version (which is
 * kept). Once a period of the year has been published, a change needs a {@code reason}.
 */
@Schema(description = "考核细则：各考核项及参数；公布后修改须说明理由 · A rulebook; a reason once a period is published")
public record RulebookUpdate(
        @NotNull(message = "考核项不能为空")
        @Size(min = 1, max = 20, message = "考核项应有 1 到 20 项")
        List<@NotNull(message = "考核项不能为空") @Valid RuleComponent> components,
        @Schema(nullable = true, description = "修改理由 · Why it changed")
        @Size(max = 500, message = "修改理由最长 500 个字符")
        String reason,
        @Schema(nullable = true, description = "所基于的版本（或用 If-Match） · The version read")
        Long version) {
}
