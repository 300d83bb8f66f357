package org.kpi.task.tasks;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supervisor's grant of a reassignment request: the new lead (the suggested unit if left out). */
@Schema(description = "同意改派：新的牵头单位（缺省为申请中建议的单位）与说明 · Grant: the new lead, and a note")
public record ReassignmentGrant(
        @Schema(nullable = true, description = "新的牵头单位；缺省为建议单位 · The new lead; the suggested unit if absent")
        @Size(max = 32, message = "单位代码最长 32 个字符")
        String leadUnitCode,
        @Schema(nullable = true)
        @Size(max = 2000, message = "说明最长 2000 个字符")
        String reason) {
}
