package org.kpi.common.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Names the request a problem answers in its {@code instance} member (RFC 9457): the path as sent. */
public class ProblemInstance {

    @ServerResponseFilter
    public void name(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && problem.instance() == null) {
            response.setEntity(problem.at(request.getUriInfo().getRequestUri().getRawPath()));
        }
    }
}
