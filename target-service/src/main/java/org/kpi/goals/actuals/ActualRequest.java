package org.kpi.goals.actuals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * Body of {@code POST /api/v1/targets/{id}/actuals}. A supervisor restating an approved period
 * gives {@code restatementReason}.
 */
public record ActualRequest(
        @NotBlank(message = "不能为空") String period,
        @NotNull(message = "不能为空") BigDecimal value,
        @Schema(nullable = true) @Size(max = 500, message = "不能超过 500 个字符") String note,
        @Schema(nullable = true) @Size(max = 500, message = "不能超过 500 个字符") String restatementReason) {
}
