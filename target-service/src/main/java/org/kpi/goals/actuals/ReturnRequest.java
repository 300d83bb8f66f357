package org.kpi.goals.actuals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/actuals/{id}/return}. */
public record ReturnRequest(
        @NotBlank(message = "退回必须说明理由") @Size(max = 500, message = "不能超过 500 个字符") String reason) {
}
