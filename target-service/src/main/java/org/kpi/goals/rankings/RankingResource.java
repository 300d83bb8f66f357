package org.kpi.goals.rankings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;

import java.util.ArrayList;
import java.util.List;

/** Who ranks where (排名): peers on one indicator and period, ties sharing a rank, first tier marked. */
@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "排名 Rankings", description = "同级单位在一个指标、一个期次上的排名，并列同名次，标出第一方阵 · "
        + "Peer units ranked on one indicator and period, ties sharing a rank, the first tier marked")
public class RankingResource {

    @Inject
    RankingService rankings;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getRanking",
            summary = "排名：parent 的下级单位（或 level 指定类型的全部下属单位），或 peersOf 与其同级单位，按指标与期次排名")
    @APIResponseSchema(value = RankingView.class, responseCode = "200", responseDescription = "排名 · The ranking")
    @APIResponse(responseCode = "404", description = "上级单位、本单位或指标不存在或无权查看 · "
            + "No such parent unit, own unit or indicator within the caller's scope")
    public RankingView rank(
            @QueryParam("indicator") @Parameter(required = true, description = "指标代码 · Indicator code")
            String indicator,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(required = true, description = "年度 · Year")
            Integer year,
            @QueryParam("period") @Parameter(description = "期次，如 2026-06、2026-Q2、2026-H1，默认最近已审核期次 · "
                    + "Period such as 2026-06, 2026-Q2 or 2026-H1, default the latest approved one")
            String period,
            @QueryParam("parent") @Parameter(description = "上级单位代码，排名其下级（与 peersOf 二选一）· "
                    + "Parent unit code, whose units are ranked (this or peersOf)")
            String parent,
            @QueryParam("peersOf") @Parameter(description = "本单位代码：与其同级的单位一起排名（与 parent 二选一）；"
                    + "本单位看得到自己的数值，其他单位只有名次与是否第一方阵 · Own unit code: ranked among its peers "
                    + "(this or parent); units outside the caller's scope show only their rank and tier")
            String peersOf,
            @QueryParam("level") @Parameter(description = "改为排名 parent 之下这一层级的全部单位 · "
                    + "Rank every unit of this level below parent instead")
            OrgUnitType level) {
        List<FieldError> missing = new ArrayList<>();
        if (indicator == null || indicator.isBlank()) {
            missing.add(new FieldError("indicator", "不能为空"));
        }
        if (year == null) {
            missing.add(new FieldError("year", "不能为空"));
        }
        boolean hasParent = parent != null && !parent.isBlank();
        boolean hasPeersOf = peersOf != null && !peersOf.isBlank();
        if (!hasParent && !hasPeersOf) {
            missing.add(new FieldError("parent", "parent 与 peersOf 须给出一个"));
        } else if (hasParent && hasPeersOf) {
            missing.add(new FieldError("peersOf", "parent 与 peersOf 只能给出一个"));
        } else if (hasPeersOf && level != null) {
            missing.add(new FieldError("level", "按 peersOf 排名时不能指定 level"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return hasParent ? rankings.rank(indicator.trim(), year, period, parent.trim(), level)
                : rankings.rankPeers(indicator.trim(), year, period, peersOf.trim());
    }
}
