package org.kpi.task.reports;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The multipart form of an upload as the OpenAPI document describes it: one binary part
 * {@code file}. Only documentation; resources read the part with {@code @RestForm("file")}.
 */
@Schema(name = "FileUploadForm", description = "multipart/form-data 表单：文件放在字段 file 中 · A multipart form "
        + "with the file in part file")
public class FileUploadForm {

    @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "上传的文件 · The file")
    public String file;
}
