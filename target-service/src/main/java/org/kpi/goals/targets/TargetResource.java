package org.kpi.goals.targets;

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.QueryParams;
import org.kpi.goals.actuals.ActualRequest;
import org.kpi.goals.actuals.ActualService;
import org.kpi.goals.actuals.ActualView;
import org.kpi.goals.ledger.TargetLedger;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.ProgressView;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;

/** Annual targets, their actuals and progress, and the Excel ledger (台账). */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {

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
    @Operation(summary = "设定年度目标")
    public Response create(@NotNull(message = "请求体不能为空") @Valid TargetRequest request) {
        TargetView created = targets.create(request);
        return Response.created(URI.create("/api/v1/targets/" + created.id()))
                .tag(ETags.entityTag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "目标列表（year、orgUnit 含下级、indicator、colour、responsibleUnit 过滤）")
    public PageResult<TargetView> list(@QueryParam("year") String year, @QueryParam("orgUnit") String orgUnit,
                                       @QueryParam("indicator") String indicator, @QueryParam("colour") String colour,
                                       @QueryParam("responsibleUnit") String responsibleUnit,
                                       @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return targets.list(filter(year, orgUnit, indicator, colour, responsibleUnit), request);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "查看目标")
    public Response get(@PathParam("id") long id) {
        TargetView view = targets.get(id);
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "调整目标值、责任单位或计划（需 If-Match 或 version）")
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "请求体不能为空") @Valid TargetRequest request) {
        TargetView view = targets.update(id, request, ifMatch);
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @GET
    @Path("/{id: \\d+}/progress")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "序时进度与颜色")
    public ProgressView progress(@PathParam("id") long id) {
        return targets.progressOf(id);
    }

    @POST
    @Path("/{id: \\d+}/actuals")
    @RolesAllowed({Roles.DEPARTMENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "填报实绩（责任单位）；督查人员带 restatementReason 重述已审核期次")
    public Response submitActual(@PathParam("id") long id,
                                 @NotNull(message = "请求体不能为空") @Valid ActualRequest request) {
        ActualView view = actuals.submit(id, request);
        return Response.created(URI.create("/api/v1/actuals/" + view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id: \\d+}/actuals")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "实绩历史（含退回与重述的各版本）")
    public PageResult<ActualView> history(@PathParam("id") long id, @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        return actuals.history(id, PageRequest.of(page, size));
    }

    @GET
    @Path("/export")
    @Produces(XLSX)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "导出目标台账（.xlsx）")
    public Response export(@QueryParam("year") String year, @QueryParam("orgUnit") String orgUnit,
                           @QueryParam("indicator") String indicator, @QueryParam("colour") String colour,
                           @QueryParam("responsibleUnit") String responsibleUnit) {
        TargetFilter filter = filter(year, orgUnit, indicator, colour, responsibleUnit);
        byte[] workbook = ledger.export(filter);
        String name = "目标台账" + (filter.year() == null ? "" : "-" + filter.year()) + ".xlsx";
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"targets.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "导入目标台账（.xlsx，全部成功或全部不生效）")
    public TargetLedger.ImportResult importLedger(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", "请以 multipart 字段 file 上传 .xlsx 文件");
        }
        return ledger.importWorkbook(file.uploadedFile());
    }

    private static TargetFilter filter(String year, String orgUnit, String indicator, String colour, String responsible) {
        return new TargetFilter(QueryParams.optionalInt("year", year, 2000, 2100), blankToNull(orgUnit),
                blankToNull(indicator), QueryParams.optionalEnum("colour", colour, Colour.class), blankToNull(responsible));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
