package org.kpi.common.org;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;

/**
 * Reading the org tree, in every service: a user reads the units of its own subtree; a unit
 * outside it is a 404. Admins create and rename units in target-service, which owns the tree
 * ({@code OrgUnitAdminResource} there); the other services hold a read-only copy.
 */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OrgUnitResource.TAG, description = "市、区、部门组成的组织机构树，决定每个人的可见范围；目标与考核服务维护，"
        + "其他服务保存只读副本 · The org tree of city, districts and departments that scopes every caller; "
        + "kept by target-service, copied read-only into the others")
public class OrgUnitResource {

    public static final String TAG = "组织机构 Org units";

    @Inject
    OrgUnitService service;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listOrgUnits", summary = "本人辖区内的组织机构列表")
    public PageResult<OrgUnitView> list(
            @QueryParam("parent") @Parameter(description = "只列出此机构的直接下级 · Only the direct children of this unit")
            String parent,
            @QueryParam("type") @Parameter(description = "机构层级 · Level of the unit") OrgUnitType type,
            @BeanParam PageParams page) {
        return service.list(parent == null || parent.isBlank() ? null : parent.trim(), type, page.request());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getOrgUnit", summary = "查看一个组织机构")
    public RestResponse<OrgUnitView> get(
            @PathParam("code") @Parameter(description = "机构代码 · The unit's code") String code) {
        OrgUnitView unit = service.get(code);
        return Responses.tagged(unit, unit.version());
    }
}
