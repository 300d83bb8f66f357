package org.kpi.goals.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** The cadence documents (周调度 · 月通报 · 季分析), as figures (JSON) and as the files offices print. */
@Path("/api/v1/reports")
@Tag(name = "文件 Reports", description = "周调度清单、月度督查通报、季度分析，及其定时印发与归档 · "
        + "Weekly dispatch list, monthly bulletin, quarterly analysis; schedules and archive")
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String ORG = "组织机构代码 · Org unit code";
    private static final String FORMAT = "json（缺省）或文件格式；也可用 Accept 头选择 · json (default) or the file format; "
            + "the Accept header chooses too";

    @Inject
    Reports reports;

    @Inject
    ReportArchive archive;

    @Inject
    ReportSchedules schedules;

    @GET
    @Path("/weekly")
    @Produces({MediaType.APPLICATION_JSON, XLSX})
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getWeeklyDispatch", summary = "周调度清单（JSON 或 .xlsx）")
    @APIResponse(responseCode = "200", description = "周调度清单 · The weekly dispatch list", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyView.class)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "周次写法不对或尚未开始 · Not a week, or one yet to begin")
    @APIResponse(responseCode = "404", description = "单位不存在或不在辖区内 · No such unit within the caller's scope")
    public Response weekly(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("week") @Parameter(description = "ISO 周，如 2026-W47，缺省为本周 · ISO week") String week,
            @QueryParam("format") @Parameter(description = FORMAT,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx"})) String format,
            @Context HttpHeaders headers) {
        boolean file = wantsFile(format, headers, "xlsx", XLSX);
        WeeklyView view = reports.weekly(orgUnit, week);
        return file ? attachment(WeeklyWorkbook.write(view), XLSX,
                view.orgUnitName() + "周调度清单-" + view.week() + ".xlsx", "weekly.xlsx") : figures(view);
    }

    @GET
    @Path("/monthly-bulletin")
    @Produces({MediaType.APPLICATION_JSON, DOCX})
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getMonthlyBulletin", summary = "月度督查通报（.docx，或其数字 JSON）")
    @APIResponse(responseCode = "200", description = "督查通报 · The monthly bulletin", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinView.class)),
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "月份写法不对或尚未开始 · Not a month, or one yet to begin")
    @APIResponse(responseCode = "404", description = "单位不存在或不在辖区内 · No such unit within the caller's scope")
    public Response monthlyBulletin(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("month") @Parameter(description = "月份，如 2026-10，缺省为本月 · Month") String month,
            @QueryParam("format") @Parameter(description = FORMAT,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "docx"})) String format,
            @Context HttpHeaders headers) {
        boolean file = wantsFile(format, headers, "docx", DOCX);
        BulletinView view = reports.monthly(orgUnit, month);
        return file ? attachment(BulletinDocument.write(view), DOCX,
                view.orgUnitName() + "督查通报-" + view.month() + ".docx", "bulletin.docx") : figures(view);
    }

    @GET
    @Path("/quarterly-analysis")
    @Produces({MediaType.APPLICATION_JSON, DOCX})
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getQuarterlyAnalysis", summary = "季度分析（.docx，每个指标一张序时进度图；或其数字 JSON）")
    @APIResponse(responseCode = "200", description = "季度分析 · The quarterly analysis", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalysisView.class)),
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "季度写法不对或尚未开始 · Not a quarter, or one yet to begin")
    @APIResponse(responseCode = "404", description = "单位不存在或不在辖区内 · No such unit within the caller's scope")
    public Response quarterlyAnalysis(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("quarter") @Parameter(description = "季度，如 2026-Q3，缺省为本季度 · Quarter") String quarter,
            @QueryParam("format") @Parameter(description = FORMAT,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "docx"})) String format,
            @Context HttpHeaders headers) {
        boolean file = wantsFile(format, headers, "docx", DOCX);
        AnalysisView view = reports.quarterly(orgUnit, quarter);
        return file ? attachment(AnalysisDocument.write(view, view.orgUnitName() + "督查室", reports.today()), DOCX,
                view.orgUnitName() + "季度分析-" + view.quarter() + ".docx", "analysis.docx") : figures(view);
    }

    @POST
    @Path("/archive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "issueReport", summary = "立即印发一份文件：生成、归档（此后不再改变），并经通知服务发送")
    @APIResponseSchema(value = ReportDocumentView.class, responseCode = "201", responseDescription = "已印发 · Issued")
    @APIResponse(responseCode = "404", description = "单位不存在或不在辖区内 · No such unit within the caller's scope")
    @APIResponse(responseCode = "409", description = "该期文件已印发 · That period's document is already issued")
    public RestResponse<ReportDocumentView> issue(@NotNull(message = "请求体不能为空") @Valid ReportIssue request) {
        ReportDocumentView view = archive.issueNow(request);
        return Responses.created("/api/v1/reports/archive/" + view.id(), view);
    }

    @GET
    @Path("/archive")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(operationId = "listReportArchive", summary = "文件归档：一个单位已印发的文件（新者在前；下级部门也可查看）")
    @APIResponseSchema(value = ReportDocumentView[].class, responseCode = "200", responseDescription = "已印发的文件 · Issued")
    @APIResponse(responseCode = "404", description = "单位不存在或无权查看 · No such unit for the caller")
    public List<ReportDocumentView> archive(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("kind") @Parameter(description = "文件种类 · Kind") ReportKind kind) {
        return archive.list(orgUnit, kind);
    }

    @GET
    @Path("/archive/{id: \\d+}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN, Roles.DEPARTMENT, Roles.SERVICE})
    @Operation(operationId = "getReportDocument", summary = "一份已印发的文件")
    public ReportDocumentView document(@PathParam("id") @Parameter(description = "文件编号 · Document id") long id) {
        return archive.get(id);
    }

    @GET
    @Path("/archive/{id: \\d+}/file")
    @Produces({XLSX, DOCX})
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN, Roles.DEPARTMENT, Roles.SERVICE})
    @Operation(operationId = "downloadReportDocument", summary = "下载已印发的文件（.xlsx 或 .docx，与印发时逐字节相同）")
    @APIResponse(responseCode = "200", description = "文件 · The file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "文件不存在或无权查看 · No such document for the caller")
    public Response file(@PathParam("id") @Parameter(description = "文件编号 · Document id") long id) {
        ReportArchive.Stored stored = archive.file(id);
        ReportDocumentView view = stored.document();
        return attachment(stored.content(), view.contentType(), view.fileName(),
                "report-" + id + (view.kind() == ReportKind.WEEKLY ? ".xlsx" : ".docx"));
    }

    @GET
    @Path("/schedules")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listReportSchedules", summary = "定时印发设置（三种文件各一条；未设置的为默认值、未开启）")
    @APIResponseSchema(value = ScheduleView[].class, responseCode = "200", responseDescription = "定时印发设置 · Schedules")
    @APIResponse(responseCode = "404", description = "单位不存在或不在辖区内 · No such unit within the caller's scope")
    public List<ScheduleView> schedules(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit) {
        return schedules.list(orgUnit);
    }

    @PUT
    @Path("/schedules/{orgUnit}/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "setReportSchedule", summary = "设置一种文件的定时印发（开启后，到点生成、归档并发送）")
    public ScheduleView schedule(
            @PathParam("orgUnit") @Parameter(description = ORG) String orgUnit,
            @PathParam("kind") @Parameter(description = "文件种类 · Kind") ReportKind kind,
            @NotNull(message = "请求体不能为空") @Valid ScheduleUpdate update) {
        return schedules.update(orgUnit, kind, update);
    }

    /** Whether the caller asked for the file: {@code format}, else an Accept header naming the file's type and not JSON. */
    static boolean wantsFile(String format, HttpHeaders headers, String extension, String mediaType) {
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(java.util.Locale.ROOT);
            if (f.equals(extension)) {
                return true;
            }
            if (f.equals("json")) {
                return false;
            }
            throw ProblemException.invalid("format", "格式只能是 json 或 " + extension);
        }
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.toString().startsWith(mediaType))
                && headers.getAcceptableMediaTypes().stream().noneMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !t.isWildcardType());
    }

    static Response attachment(byte[] bytes, String type, String name, String asciiName) {
        return Response.ok(bytes, type).header("Content-Disposition", Responses.attachment(asciiName, name)).build();
    }

    /** A document's figures, as JSON. */
    private static Response figures(Object view) {
        return Response.ok(view, MediaType.APPLICATION_JSON).build();
    }
}
