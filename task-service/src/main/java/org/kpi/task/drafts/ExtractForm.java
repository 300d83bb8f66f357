package org.kpi.task.drafts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The multipart form of a plan file to read for drafts; documentation only, the resource reads the parts. */
@Schema(name = "PlanFileForm", description = "multipart/form-data：file 为 .docx 或 .txt 计划文件，其余字段同 JSON 请求 · "
        + "A plan file (.docx or .txt) in the part file; the other parts as in the JSON request")
public class ExtractForm {

    @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
            required = true)
    public String file;

    @Schema(format = "date", nullable = true)
    public String planDate;

    @Schema(nullable = true)
    public String orgUnitCode;

    @Schema(nullable = true)
    public String title;
}
