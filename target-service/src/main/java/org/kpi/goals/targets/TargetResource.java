package org.kpi.goals.targets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.kpi.goals.actuals.ActualRequest;
import org.kpi.goals.actuals.ActualResource;
import org.kpi.goals.actuals.ActualService;
import org.kpi.goals.actuals.ActualView;
import org.kpi.goals.ledger.TargetLedger;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.ProgressView;


/** Annual targets, their actuals and progress, and the Excel ledger (台账). */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = TargetResource.TAG, description = "各单位每个指标的年度目标（确保值、力争值、责任单位、序时计划）及其进度与颜色 · "
        + "Each unit's annual targets per indicator (committed and stretch values, responsible unit, plan), "
        + "with progress and colour")
public class TargetResource {

    public static final String TAG = "目标 Targets";
    public static final String LEDGER_TAG = "台账 Ledgers";

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String[] READERS = {Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN};

    @Inject
    TargetService targets;

    @Inject
    ActualService actuals;

    @Inject
    TargetLedger ledger;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createTarget", summary = "设定年度目标")
    @APIResponseSchema(value = TargetView.class, responseCode = "201", responseDescription = "已新建 · Created")
    public RestResponse<TargetView> create(@NotNull(message = "请求体不能为空") @Valid TargetRequest request) {
        TargetView created = targets.create(request);
        return Responses.created("/api/v1/targets/" + created.id(), created, created.version());
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listTargets",
            summary = "目标列表（year、orgUnit 含下级、indicator、colour、responsibleUnit 过滤）")
    public PageResult<TargetView> list(@BeanParam TargetQuery query, @BeanParam PageParams page) {
        return targets.list(query.filter(), page.request());
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getTarget", summary = "查看目标")
    public RestResponse<TargetView> get(@PathParam("id") @Parameter(description = "目标编号 · Target id") long id) {
        TargetView view = targets.get(id);
        return Responses.tagged(view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updateTarget", summary = "调整目标值、责任单位或计划（需 If-Match 或 version）")
    public RestResponse<TargetView> update(
            @PathParam("id") @Parameter(description = "目标编号 · Target id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = Responses.IF_MATCH_OR_VERSION) String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid TargetRequest request) {
        TargetView view = targets.update(id, request, ifMatch);
        return Responses.tagged(view, view.version());
    }

    @GET
    @Path("/{id: \\d+}/progress")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getTargetProgress", summary = "序时进度与颜色")
    public ProgressView progress(@PathParam("id") @Parameter(description = "目标编号 · Target id") long id) {
        return targets.progressOf(id);
    }

    @POST
    @Path("/{id: \\d+}/actuals")
    @RolesAllowed({Roles.DEPARTMENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Tag(name = ActualResource.TAG)
    @Operation(operationId = "submitActual",
            summary = "填报实绩（责任单位）；督查人员带 restatementReason 重述已审核期次")
    @APIResponseSchema(value = ActualView.class, responseCode = "201", responseDescription = "已新建 · Created")
    public RestResponse<ActualView> submitActual(
            @PathParam("id") @Parameter(description = "目标编号 · Target id") long id,
            @NotNull(message = "请求体不能为空") @Valid ActualRequest request) {
        ActualView view = actuals.submit(id, request);
        return Responses.created("/api/v1/actuals/" + view.id(), view, view.version());
    }

    @GET
    @Path("/{id: \\d+}/actuals")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Tag(name = ActualResource.TAG)
    @Operation(operationId = "listActualHistory", summary = "实绩历史（含退回与重述的各版本）")
    public PageResult<ActualView> history(@PathParam("id") @Parameter(description = "目标编号 · Target id") long id,
                                          @BeanParam PageParams page) {
        return actuals.history(id, page.request());
    }

    @GET
    @Path("/export")
    @Produces(XLSX)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Tag(name = LEDGER_TAG, description = "目标台账的 Excel 导出与导入，导出的文件修改后可原样导入 · "
            + "The targets ledger as an Excel workbook: export, edit, import back")
    @Operation(operationId = "exportTargetLedger", summary = "导出目标台账（.xlsx）")
    @APIResponse(responseCode = "200", description = "目标台账工作簿 · The ledger workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "422", description = "符合条件的数据超过导出上限 · More rows than an export may hold")
    public RestResponse<byte[]> export(@BeanParam TargetQuery query) {
        TargetFilter filter = query.filter();
        byte[] workbook = ledger.export(filter);
        String name = "目标台账" + (filter.year() == null ? "" : "-" + filter.year()) + ".xlsx";
        return RestResponse.ResponseBuilder.ok(workbook, XLSX)
                .header("Content-Disposition", Responses.attachment("targets.xlsx", name))
                .build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Tag(name = LEDGER_TAG)
    @Operation(operationId = "importTargetLedger", summary = "导入目标台账（.xlsx，全部成功或全部不生效）")
    @APIResponseSchema(value = TargetLedger.ImportResult.class, responseCode = "200",
            responseDescription = "已全部导入 · Imported, every row")
    @APIResponse(responseCode = "422", description = "有单元格无法导入，整个文件未导入（errors 列出行与列） · "
            + "Some cells were rejected, nothing was imported (errors name row and column)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = LedgerUpload.class)))
    public TargetLedger.ImportResult importLedger(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", "请以 multipart 字段 file 上传 .xlsx 文件");
        }
        return ledger.importWorkbook(file.uploadedFile());
    }

    /** The form of a ledger import, as the document shows it. */
    @Schema(name = "LedgerUpload", description = "台账导入表单 · The ledger import form")
    public static class LedgerUpload {

        @Schema(type = SchemaType.STRING, format = "binary", required = true,
                description = "目标台账工作簿（.xlsx） · The ledger workbook")
        public String file;
    }

    /** The filters of the target list and the ledger export. */
    public static class TargetQuery {

        @QueryParam("year")
        @Min(2000)
        @Max(2100)
        @Parameter(description = "年度 · Year")
        public Integer year;

        @QueryParam("orgUnit")
        @Parameter(description = "所属单位代码，含其下级 · Org unit code, its subtree included")
        public String orgUnit;

        @QueryParam("indicator")
        @Parameter(description = "指标代码 · Indicator code")
        public String indicator;

        @QueryParam("colour")
        @Parameter(description = "颜色 · Colour")
        public Colour colour;

        @QueryParam("responsibleUnit")
        @Parameter(description = "责任单位代码 · Responsible unit code")
        public String responsibleUnit;

        TargetFilter filter() {
            return new TargetFilter(year, blankToNull(orgUnit), blankToNull(indicator), colour,
                    blankToNull(responsibleUnit));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
