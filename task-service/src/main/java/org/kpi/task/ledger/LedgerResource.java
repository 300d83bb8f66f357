package org.kpi.task.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;
import org.kpi.task.reports.FileUploadForm;
import org.kpi.task.tasks.TaskListParams;

import java.time.Clock;
import java.time.LocalDate;

/** The task ledger (台账) as an Excel workbook: export the filtered list, import new tasks. */
@Path("/api/v1/tasks")
@Tag(name = "台账 Ledgers", description = "任务台账 Excel（.xlsx）：按任务列表的筛选条件导出，导入新建或修改任务 · "
        + "The task ledger as an Excel workbook: export with the task list's filters, import to create or change tasks")
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerService service;

    @Inject
    Clock clock;

    @GET
    @Path("/export")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "exportTaskLedger", summary = "导出任务台账（.xlsx，筛选条件同任务列表）")
    @APIResponse(responseCode = "200", description = "任务台账工作簿 · The ledger workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "422", description = "符合条件的任务超过导出上限，请缩小筛选范围 · More tasks match "
            + "than an export may hold; narrow the filter")
    public Response export(@BeanParam TaskListParams params) {
        byte[] workbook = service.export(params.filter());
        String name = "任务台账-" + LocalDate.now(clock) + ".xlsx";
        // a plain Response: a typed RestResponse<byte[]> is written by Jackson (as base64) here
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", Responses.attachment("tasks.xlsx", name))
                .build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "importTaskLedger", summary = "导入任务台账（.xlsx，表单字段 file；全部成功或全部不导入；"
            + "无任务编号的行新建草稿，带任务编号与版本的行修改该任务）")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = FileUploadForm.class)))
    @APIResponse(responseCode = "200", description = "已导入，只修改了已有任务 · Imported; only existing tasks changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", description = "已导入并新建了任务；Location 为第一个新建的任务 · Imported, "
            + "with new tasks; Location is the first of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "422", description = "表格有错误的单元格，什么都没有导入；errors 逐格说明 · "
            + "Cells in error, nothing imported; errors names each cell")
    public RestResponse<ImportResult> importTasks(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "缺少表格文件（multipart 表单字段 file）");
        }
        ImportResult result = service.importTasks(file.uploadedFile());
        if (result.created() > 0) {
            return Responses.created("/api/v1/tasks/" + result.ids().get(0), result);
        }
        return RestResponse.ok(result);
    }
}
