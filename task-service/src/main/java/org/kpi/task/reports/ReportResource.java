package org.kpi.task.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.Responses;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Progress reports (进展填报) on a task and their attachments. */
@Path("/api/v1/tasks/{taskId: \\d+}/progress-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ReportResource.TAG, description = "牵头单位与配合单位各自填报任务进展，可上传附件（PDF、图片、Office 文档） · "
        + "Progress reports of the lead and co-units on a task, with attachments (PDF, images, Office documents)")
public class ReportResource {

    public static final String TAG = "进展填报 Progress reports";

    private static final String TASK_ID = "任务编号 · Task id";
    private static final String REPORT_ID = "进展填报编号 · Progress report id";

    @Inject
    ReportService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(operationId = "createProgressReport", summary = "填报进展（牵头单位或配合单位，各自填报）")
    @APIResponseSchema(value = ProgressReportView.class, responseCode = "201", responseDescription = "已新建 · Created")
    public RestResponse<ProgressReportView> post(
            @PathParam("taskId") @Parameter(description = TASK_ID) long taskId,
            @NotNull(message = "请求体不能为空") @Valid ProgressReportCreate request) {
        ProgressReportView view = service.post(taskId, request);
        return Responses.created("/api/v1/tasks/" + view.taskId() + "/progress-reports/" + view.id(), view);
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listProgressReports", summary = "任务的进展填报（可按单位筛选）")
    public PageResult<ProgressReportView> list(
            @PathParam("taskId") @Parameter(description = TASK_ID) long taskId,
            @QueryParam("unit") @Parameter(description = "只看此单位的填报 · Only this unit's reports") String unit,
            @BeanParam PageParams page) {
        return service.list(taskId, unit == null || unit.isBlank() ? null : unit.trim(), page.request());
    }

    @POST
    @Path("/{reportId: \\d+}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(operationId = "uploadAttachment",
            summary = "为本单位的进展填报上传附件（表单字段 file，≤10 MiB，PDF/图片/Office）")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = FileUploadForm.class)))
    @APIResponseSchema(value = AttachmentView.class, responseCode = "201", responseDescription = "已上传 · Uploaded")
    public RestResponse<AttachmentView> attach(
            @PathParam("taskId") @Parameter(description = TASK_ID) long taskId,
            @PathParam("reportId") @Parameter(description = REPORT_ID) long reportId,
            @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "缺少附件（multipart 表单字段 file）");
        }
        AttachmentView view = service.attach(taskId, reportId, file.fileName(), file.uploadedFile(), file.size());
        return Responses.created(view.href(), view);
    }

    @GET
    @Path("/{reportId: \\d+}/attachments/{attachmentId: \\d+}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "downloadAttachment", summary = "下载附件（可查看任务者）")
    @APIResponse(responseCode = "200", description = "附件内容，类型为上传时识别的类型 · The file, of the type detected on upload",
            content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/msword", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/vnd.ms-excel",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/vnd.ms-powerpoint",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/x-ole-storage",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response download(
            @PathParam("taskId") @Parameter(description = TASK_ID) long taskId,
            @PathParam("reportId") @Parameter(description = REPORT_ID) long reportId,
            @PathParam("attachmentId") @Parameter(description = "附件编号 · Attachment id") long attachmentId) {
        ReportService.Download download = service.download(taskId, reportId, attachmentId);
        String encoded = URLEncoder.encode(download.meta().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        // a plain Response: a typed RestResponse<byte[]> is written by Jackson (as base64) here
        return Response.ok(download.content(), download.meta().mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
