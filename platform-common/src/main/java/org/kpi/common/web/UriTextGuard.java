package org.kpi.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemMappers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, with a 400 problem, a path or query parameter holding a character {@link TextRules}
 * refuses in single-line text, once decoded: a NUL ({@code %00}, which PostgreSQL cannot store
 * or compare, so it would otherwise end as a 500), another control character, a line break, or a bidirectional
 * control. Request bodies are checked field by field as they are read (see the JSON customizer).
 */
public class UriTextGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseControlCharacters(ContainerRequestContext request) {
        String pathProblem = TextRules.problemWith(request.getUriInfo().getPath(), true);
        if (pathProblem != null) {
            return Optional.of(ProblemMappers.respond(ProblemException.invalid("path", "请求地址" + pathProblem)
                    .problem()));
        }
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            String nameProblem = TextRules.problemWith(name, true);
            if (nameProblem != null) {
                return Optional.of(ProblemMappers.respond(ProblemException.invalid("query", nameProblem).problem()));
            }
            for (String value : parameter.getValue()) {
                String problem = value == null ? null : TextRules.problemWith(value, true);
                if (problem != null) {
                    return Optional.of(ProblemMappers.respond(ProblemException.invalid(name, problem).problem()));
                }
            }
        }
        return Optional.empty();
    }
}
