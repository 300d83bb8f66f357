package org.kpi.goals.targets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Body of {@code POST /api/v1/targets} and {@code PUT /api/v1/targets/{id}}. */
public record TargetRequest(
        @NotBlank(message = "不能为空") String indicatorCode,
        @NotBlank(message = "不能为空") String orgUnitCode,
        @NotNull(message = "不能为空")
        @Min(value = 2000, message = "应在 2000 到 2100 之间") @Max(value = 2100, message = "应在 2000 到 2100 之间")
        Integer year,
        @NotNull(message = "不能为空") BigDecimal committedValue,
        @Schema(nullable = true) BigDecimal stretchValue,
        @NotBlank(message = "不能为空") String responsibleUnitCode,
        @Schema(nullable = true) @Size(max = 24, message = "最多 24 个检查点")
        List<@Valid @NotNull(message = "不能为空") PlanEntry> plan,
        @Schema(nullable = true) Long version) {
}
