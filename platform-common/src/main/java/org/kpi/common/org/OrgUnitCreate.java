package org.kpi.common.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/org-units}. */
public record OrgUnitCreate(
        @NotBlank(message = "不能为空")
        @Pattern(regexp = OrgUnitCreate.CODE_PATTERN, message = "应为 1–32 位字母、数字、- 或 _")
        String code,
        @NotBlank(message = "不能为空")
        @Size(max = 100, message = "不能超过 100 个字符")
        String name,
        @NotNull(message = "不能为空，可选值：CITY, DISTRICT, DEPARTMENT")
        OrgUnitType type,
        @Pattern(regexp = OrgUnitCreate.CODE_PATTERN, message = "应为 1–32 位字母、数字、- 或 _")
        String parentCode) {

    public static final String CODE_PATTERN = "^[A-Za-z0-9_-]{1,32}$";
}
