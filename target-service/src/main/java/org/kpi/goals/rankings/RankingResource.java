package org.kpi.goals.rankings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.QueryParams;

import java.util.ArrayList;
import java.util.List;

/** Who ranks where (排名): peers on one indicator and period, ties sharing a rank, first tier marked. */
@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    @Inject
    RankingService rankings;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "排名：parent 的下级单位（或 level 指定类型的全部下属单位）按指标与期次排名")
    public RankingView rank(@QueryParam("indicator") String indicator, @QueryParam("year") String year,
                            @QueryParam("period") String period, @QueryParam("parent") String parent,
                            @QueryParam("level") String level) {
        List<FieldError> missing = new ArrayList<>();
        if (indicator == null || indicator.isBlank()) {
            missing.add(new FieldError("indicator", "不能为空"));
        }
        if (year == null || year.isBlank()) {
            missing.add(new FieldError("year", "不能为空"));
        }
        if (parent == null || parent.isBlank()) {
            missing.add(new FieldError("parent", "不能为空"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return rankings.rank(indicator.trim(), QueryParams.optionalInt("year", year, 2000, 2100), period,
                parent.trim(), QueryParams.optionalEnum("level", level, OrgUnitType.class));
    }
}
