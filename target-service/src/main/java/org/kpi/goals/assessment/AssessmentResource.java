package org.kpi.goals.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;

import java.util.List;

/** Assessment (考核): rulebooks, scorecards and discretionary adjustments. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "考核 Assessment", description = "考核细则、考核结果（得分、名次、明细）、加减分 · Rulebooks, scorecards, adjustments")
public class AssessmentResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ORG = "组织机构代码（区县或市） · Org unit code";
    private static final String YEAR = "年度 · Year";

    @Inject
    Rulebooks rulebooks;

    @Inject
    Scorecards scorecards;

    @Inject
    Adjustments adjustments;

    @Inject
    Appeals appeals;

    @GET
    @Path("/assessment-rulebooks/{orgUnitCode}/{year: \\d{1,4}}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getAssessmentRulebook", summary = "考核细则（当前版本，或 version 指定的历史版本）")
    public RestResponse<RulebookView> rulebook(
            @PathParam("orgUnitCode") @Parameter(description = ORG) String orgUnitCode,
            @PathParam("year") @Parameter(description = YEAR) int year,
            @QueryParam("version") @Parameter(description = "历史版本号 · An earlier version") Integer version) {
        RulebookView view = rulebooks.get(orgUnitCode, year, version);
        return Responses.tagged(view, view.version());
    }

    @PUT
    @Path("/assessment-rulebooks/{orgUnitCode}/{year: \\d{1,4}}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "putAssessmentRulebook",
            summary = "制定或修改考核细则（新版本，旧版本保留；已公布期次后须说明理由；If-Match 或 version 可选）")
    public RestResponse<RulebookView> putRulebook(
            @PathParam("orgUnitCode") @Parameter(description = ORG) String orgUnitCode,
            @PathParam("year") @Parameter(description = YEAR) int year,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "当前版本，可省略 · The current version, "
                    + "optional") String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid RulebookUpdate update) {
        RulebookView view = rulebooks.replace(orgUnitCode, year, update, ifMatch);
        return Responses.tagged(view, view.version());
    }

    @GET
    @Path("/assessments")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getScorecard",
            summary = "考核结果：各部门总分、名次与得分明细（部门只看到本部门明细）")
    @APIResponseSchema(value = ScorecardView.class, responseCode = "200", responseDescription = "考核结果 · The scorecard")
    @APIResponse(responseCode = "404", description = "考核单位不存在或无权查看，或尚无考核细则 · No such unit within the "
            + "caller's scope, or no rulebook yet")
    public ScorecardView scorecard(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("year") @Parameter(description = YEAR, required = true) Integer year,
            @QueryParam("period") @Parameter(description = "期次：2026、2026-H1、2026-Q2，缺省为全年 · Period") String period) {
        return scorecards.get(requireUnit(orgUnit, year), year, period);
    }

    @GET
    @Path("/assessments/export")
    @Produces(XLSX)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(operationId = "exportScorecard",
            summary = "导出考核结果 .xlsx（汇总表：名次、总分、目标颜色分布；明细表：每一条得分明细）")
    public RestResponse<byte[]> export(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("year") @Parameter(description = YEAR, required = true) Integer year,
            @QueryParam("period") @Parameter(description = "期次，缺省为全年 · Period") String period) {
        byte[] workbook = scorecards.export(requireUnit(orgUnit, year), year, period);
        String name = "考核结果-" + orgUnit.trim() + "-" + (period == null || period.isBlank() ? year : period.trim())
                + ".xlsx";
        return RestResponse.ResponseBuilder.ok(workbook, XLSX)
                .header("Content-Disposition", Responses.attachment("assessment.xlsx", name))
                .build();
    }

    @POST
    @Path("/assessments/{orgUnit}/{year: \\d{1,4}}/{period}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "publishScorecard",
            summary = "公布考核结果（期次结束后；此后只能通过申诉更正）")
    public ScorecardView publish(
            @PathParam("orgUnit") @Parameter(description = ORG) String orgUnit,
            @PathParam("year") @Parameter(description = YEAR) int year,
            @PathParam("period") @Parameter(description = "期次：2026、2026-H1、2026-Q2 · Period") String period) {
        return scorecards.publish(orgUnit, year, period);
    }

    @POST
    @Path("/assessments/lines/{id: \\d+}/appeals")
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(operationId = "fileAppeal", summary = "对本部门已公布的得分明细申诉（每条明细同时只能有一个待审核的申诉）")
    @APIResponseSchema(value = AppealView.class, responseCode = "201", responseDescription = "已提交 · Filed")
    public RestResponse<AppealView> appeal(
            @PathParam("id") @Parameter(description = "明细编号 · Line id") long id,
            @NotNull(message = "请求体不能为空") @Valid AppealCreate request) {
        AppealView view = appeals.file(id, request);
        return Responses.created("/api/v1/assessments/appeals/" + view.id(), view);
    }

    @GET
    @Path("/assessments/appeals")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listAppeals", summary = "申诉列表（部门只看到本部门的）")
    @APIResponseSchema(value = AppealView[].class, responseCode = "200", responseDescription = "申诉 · Appeals")
    @APIResponse(responseCode = "404", description = "考核单位不存在或无权查看 · No such unit within the caller's scope")
    public List<AppealView> appeals(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("year") @Parameter(description = YEAR, required = true) Integer year) {
        return appeals.list(requireUnit(orgUnit, year), year);
    }

    @GET
    @Path("/assessments/appeals/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getAppeal", summary = "查看申诉及其结果")
    public AppealView appealOf(@PathParam("id") @Parameter(description = "申诉编号 · Appeal id") long id) {
        return appeals.get(id);
    }

    @GET
    @Path("/assessments/appeals/{id: \\d+}/attachment")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getAppealAttachment", summary = "下载申诉附件")
    public RestResponse<byte[]> attachment(@PathParam("id") @Parameter(description = "申诉编号 · Appeal id") long id) {
        Appeals.Attachment attachment = appeals.attachment(id);
        return RestResponse.ResponseBuilder.ok(attachment.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", Responses.attachment("appeal-" + id, attachment.name()))
                .build();
    }

    @POST
    @Path("/assessments/appeals/{id: \\d+}/accept")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "acceptAppeal", summary = "采纳申诉：以更正后的分值替换该明细（原明细保留）")
    public AppealView accept(@PathParam("id") @Parameter(description = "申诉编号 · Appeal id") long id,
                             @NotNull(message = "请求体不能为空") @Valid AppealDecision decision) {
        return appeals.accept(id, decision);
    }

    @POST
    @Path("/assessments/appeals/{id: \\d+}/reject")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "rejectAppeal", summary = "驳回申诉（须说明理由）")
    public AppealView reject(@PathParam("id") @Parameter(description = "申诉编号 · Appeal id") long id,
                             @NotNull(message = "请求体不能为空") @Valid AppealDecision decision) {
        return appeals.reject(id, decision);
    }

    @POST
    @Path("/assessment-adjustments")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createAssessmentAdjustment", summary = "登记加减分（督查人员，须说明理由）")
    @APIResponseSchema(value = AdjustmentView.class, responseCode = "201", responseDescription = "已登记 · Entered")
    public RestResponse<AdjustmentView> adjust(@NotNull(message = "请求体不能为空") @Valid AdjustmentCreate request) {
        AdjustmentView view = adjustments.create(request);
        return Responses.created("/api/v1/assessment-adjustments?orgUnit=" + view.orgUnitCode() + "&year="
                + view.effectiveOn().getYear(), view);
    }

    @GET
    @Path("/assessment-adjustments")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listAssessmentAdjustments", summary = "加减分记录（部门只看到本部门的）")
    @APIResponseSchema(value = AdjustmentView[].class, responseCode = "200", responseDescription = "加减分 · Adjustments")
    @APIResponse(responseCode = "404", description = "考核单位不存在或无权查看 · No such unit within the caller's scope")
    public List<AdjustmentView> adjustments(
            @QueryParam("orgUnit") @Parameter(description = ORG, required = true) String orgUnit,
            @QueryParam("year") @Parameter(description = YEAR, required = true) Integer year) {
        return adjustments.list(requireUnit(orgUnit, year), year);
    }

    /** The {@code orgUnit} and {@code year} query parameters every assessment read needs: 400 naming the missing one. */
    private static String requireUnit(String orgUnit, Integer year) {
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ProblemException.invalid("orgUnit", "请指定考核单位");
        }
        if (year == null) {
            throw ProblemException.invalid("year", "请指定年度");
        }
        return orgUnit.trim();
    }
}
