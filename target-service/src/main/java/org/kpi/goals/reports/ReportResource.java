package org.kpi.goals.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
        if (!file) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        return attachment(WeeklyWorkbook.write(view), XLSX,
                view.orgUnitName() + "周调度清单-" + view.week() + ".xlsx", "weekly.xlsx");
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
        if (!file) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        return attachment(BulletinDocument.write(view), DOCX, view.orgUnitName() + "督查通报-" + view.month() + ".docx",
                "bulletin.docx");
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
        if (!file) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        return attachment(AnalysisDocument.write(view, view.orgUnitName() + "督查室", reports.today()), DOCX,
                view.orgUnitName() + "季度分析-" + view.quarter() + ".docx", "analysis.docx");
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
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
