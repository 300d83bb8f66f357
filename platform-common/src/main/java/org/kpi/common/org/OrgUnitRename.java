package org.kpi.common.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/org-units/{code}}: a unit's name changes, its place in the tree does not. */
public record OrgUnitRename(
        @NotBlank(message = "不能为空")
        @Size(max = 100, message = "不能超过 100 个字符")
        String name,
        Long version) {
}
