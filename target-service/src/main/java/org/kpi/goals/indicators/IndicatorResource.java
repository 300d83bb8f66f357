package org.kpi.goals.indicators;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.Responses;

/** The indicator catalogue: admins and supervisors maintain it, everyone reads it. */
@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "指标 Indicators", description = "考核指标目录（累计、比率、水平类），管理员与督查人员维护，所有人可读 · "
        + "The catalogue of indicators (cumulative, rate, level), kept by admins and supervisors, read by all")
public class IndicatorResource {

    private static final String CODE = "指标代码 · Indicator code";

    @Inject
    IndicatorService service;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "createIndicator", summary = "新建指标")
    @APIResponseSchema(value = IndicatorView.class, responseCode = "201", responseDescription = "已新建 · Created")
    public RestResponse<IndicatorView> create(@NotNull(message = "请求体不能为空") @Valid IndicatorRequest request) {
        IndicatorView created = service.create(request);
        return Responses.created("/api/v1/indicators/" + created.code(), created, created.version());
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listIndicators", summary = "指标列表（kind、q 过滤）")
    public PageResult<IndicatorView> list(
            @QueryParam("kind") @Parameter(description = "指标类型 · Kind of indicator") IndicatorKind kind,
            @QueryParam("q") @Parameter(description = "按代码或名称查找 · Search in code and name") String q,
            @BeanParam PageParams page) {
        return service.list(kind, q, page.request());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getIndicator", summary = "查看指标")
    public RestResponse<IndicatorView> get(@PathParam("code") @Parameter(description = CODE) String code) {
        IndicatorView view = service.get(code);
        return Responses.tagged(view, view.version());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "updateIndicator", summary = "修改指标（需 If-Match 或 version）")
    public RestResponse<IndicatorView> update(
            @PathParam("code") @Parameter(description = CODE) String code,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = Responses.IF_MATCH_OR_VERSION) String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid IndicatorRequest request) {
        IndicatorView view = service.update(code, request, ifMatch);
        return Responses.tagged(view, view.version());
    }
}
