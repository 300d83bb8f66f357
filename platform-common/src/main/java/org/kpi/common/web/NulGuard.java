package org.kpi.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.kpi.common.problem.Problem;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.problem.ProblemMappers;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a NUL character ({@code %00}) anywhere in the path or query with a 400 problem:
 * PostgreSQL cannot store or compare it, so it would otherwise end as a 500.
 */
public class NulGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        String uri = request.getUriInfo().getRequestUri().getRawPath()
                + "?" + request.getUriInfo().getRequestUri().getRawQuery();
        if (uri.toLowerCase(Locale.ROOT).contains("%00")) {
            return Optional.of(ProblemMappers.respond(Problem.of(ProblemKind.VALIDATION,
                    "请求地址或参数中不能包含空字符（%00）")));
        }
        return Optional.empty();
    }
}
