package org.kpi.common.org;

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

/**
 * The org tree: admins create and rename units (in target-service, which owns the tree); every
 * user reads the units of its own subtree. A unit outside the caller's subtree is a 404.
 */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {

    @Inject
    OrgUnitService service;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新建组织机构（市、区、部门）")
    public Response create(@NotNull(message = "请求体不能为空") @Valid OrgUnitCreate request) {
        OrgUnitView created = service.create(request);
        return Response.created(URI.create("/api/v1/org-units/" + created.code()))
                .tag(ETags.entityTag(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "本人辖区内的组织机构列表")
    public PageResult<OrgUnitView> list(@QueryParam("parent") String parent, @QueryParam("type") String type,
                                        @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return service.list(blankToNull(parent), QueryParams.optionalEnum("type", type, OrgUnitType.class), request);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "查看一个组织机构")
    public Response get(@PathParam("code") String code) {
        OrgUnitView unit = service.get(code);
        return Response.ok(unit).tag(ETags.entityTag(unit.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "修改组织机构名称（需 If-Match 或 version）")
    public Response rename(@PathParam("code") String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "请求体不能为空") @Valid OrgUnitRename request) {
        OrgUnitView unit = service.rename(code, request, ifMatch);
        return Response.ok(unit).tag(ETags.entityTag(unit.version())).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
