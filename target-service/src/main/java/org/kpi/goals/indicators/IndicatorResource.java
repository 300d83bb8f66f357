package org.kpi.goals.indicators;

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
import org.kpi.common.security.Roles;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.QueryParams;

import java.net.URI;

/** The indicator catalogue: admins and supervisors maintain it, everyone reads it. */
@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    @Inject
    IndicatorService service;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "新建指标")
    public Response create(@NotNull(message = "请求体不能为空") @Valid IndicatorRequest request) {
        IndicatorView created = service.create(request);
        return Response.created(URI.create("/api/v1/indicators/" + created.code()))
                .tag(ETags.entityTag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "指标列表（kind、q 过滤）")
    public PageResult<IndicatorView> list(@QueryParam("kind") String kind, @QueryParam("q") String q,
                                          @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return service.list(QueryParams.optionalEnum("kind", kind, IndicatorKind.class), q, request);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "查看指标")
    public Response get(@PathParam("code") String code) {
        IndicatorView view = service.get(code);
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "修改指标（需 If-Match 或 version）")
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "请求体不能为空") @Valid IndicatorRequest request) {
        IndicatorView view = service.update(code, request, ifMatch);
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
