package org.kpi.task.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.task.tasks.TaskResource;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Progress reports (进展填报) on a task and their attachments. */
@Path("/api/v1/tasks/{taskId}/progress-reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "填报进展（牵头单位或配合单位，各自填报）")
    public Response post(@PathParam("taskId") String taskId,
                         @NotNull(message = "请求体不能为空") @Valid ProgressReportCreate request) {
        ProgressReportView view = service.post(TaskResource.taskId(taskId), request);
        return Response.created(URI.create("/api/v1/tasks/" + view.taskId() + "/progress-reports/" + view.id()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "任务的进展填报（可按单位筛选）")
    public PageResult<ProgressReportView> list(@PathParam("taskId") String taskId, @QueryParam("unit") String unit,
                                               @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(TaskResource.taskId(taskId), unit == null || unit.isBlank() ? null : unit.trim(),
                PageRequest.of(page, size));
    }

    @POST
    @Path("/{reportId}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "为本单位的进展填报上传附件（表单字段 file，≤10 MiB，PDF/图片/Office）")
    public Response attach(@PathParam("taskId") String taskId, @PathParam("reportId") String reportId,
                           @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "缺少附件（multipart 表单字段 file）");
        }
        AttachmentView view = service.attach(TaskResource.taskId(taskId), TaskResource.longId("reportId", reportId),
                file.fileName(), file.uploadedFile(), file.size());
        return Response.created(URI.create(view.href())).entity(view).build();
    }

    @GET
    @Path("/{reportId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "下载附件（可查看任务者）")
    public Response download(@PathParam("taskId") String taskId, @PathParam("reportId") String reportId,
                             @PathParam("attachmentId") String attachmentId) {
        ReportService.Download download = service.download(TaskResource.taskId(taskId),
                TaskResource.longId("reportId", reportId), TaskResource.longId("attachmentId", attachmentId));
        String encoded = URLEncoder.encode(download.meta().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(download.content(), download.meta().mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
