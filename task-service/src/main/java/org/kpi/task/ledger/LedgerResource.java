package org.kpi.task.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.task.tasks.TaskListParams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/** The task ledger (台账) as an Excel workbook: export the filtered list, import new tasks. */
@Path("/api/v1/tasks")
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
    @Operation(summary = "导出任务台账（.xlsx，筛选条件同任务列表）")
    public Response export(@BeanParam TaskListParams params) {
        byte[] workbook = service.export(params.filter());
        String name = URLEncoder.encode("任务台账-" + LocalDate.now(clock) + ".xlsx", StandardCharsets.UTF_8)
                .replace("+", "%20");
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"tasks.xlsx\"; filename*=UTF-8''" + name)
                .build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "导入任务台账（.xlsx，表单字段 file；全部成功或全部不导入；无任务编号的行新建草稿，带任务编号与版本的行修改该任务）")
    public Response importTasks(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "缺少表格文件（multipart 表单字段 file）");
        }
        ImportResult result = service.importTasks(file.uploadedFile());
        return Response.status(result.created() > 0 ? Response.Status.CREATED : Response.Status.OK)
                .entity(result).build();
    }
}
