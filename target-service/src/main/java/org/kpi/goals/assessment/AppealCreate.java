package org.kpi.goals.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department's appeal of one of its published lines, with an optional attachment (base64). */
@Schema(description = "申诉：理由与可选附件（Base64） · An appeal: the reason and an optional attachment (base64)")
public record AppealCreate(
        @NotBlank(message = "申诉理由不能为空") @Size(max = 2000, message = "申诉理由最长 2000 个字符") String reason,
        @Schema(nullable = true, description = "附件文件名 · Attachment file name")
        @Size(max = 255, message = "文件名最长 255 个字符") String attachmentName,
        @Schema(nullable = true, description = "附件内容，Base64，最大 5 MiB · Attachment content, base64, 5 MiB at most")
        @Size(max = 7_000_000, message = "附件最大 5 MiB") String attachmentBase64) {
}
