package org.kpi.goals.orgunits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.org.OrgUnitCreate;
import org.kpi.common.org.OrgUnitRename;
import org.kpi.common.org.OrgUnitResource;
import org.kpi.common.org.OrgUnitService;
import org.kpi.common.org.OrgUnitView;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;

/**
 * Admins create and rename org units here, in target-service, which owns the tree; the other
 * services receive the changes through its feed and only read them.
 */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = OrgUnitResource.TAG)
@RolesAllowed(Roles.ADMIN)
public class OrgUnitAdminResource {

    @Inject
    OrgUnitService service;

    @POST
    @Operation(operationId = "createOrgUnit", summary = "新建组织机构（市、区、部门）")
    @APIResponseSchema(value = OrgUnitView.class, responseCode = "201", responseDescription = "已新建 · Created")
    public RestResponse<OrgUnitView> create(@NotNull(message = "请求体不能为空") @Valid OrgUnitCreate request) {
        OrgUnitView created = service.create(request);
        return Responses.created("/api/v1/org-units/" + created.code(), created, created.version());
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "renameOrgUnit", summary = "修改组织机构名称（需 If-Match 或请求体中的 version）")
    public RestResponse<OrgUnitView> rename(
            @PathParam("code") @Parameter(description = "机构代码 · The unit's code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = Responses.IF_MATCH_OR_VERSION) String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid OrgUnitRename request) {
        OrgUnitView unit = service.rename(code, request, ifMatch);
        return Responses.tagged(unit, unit.version());
    }
}
