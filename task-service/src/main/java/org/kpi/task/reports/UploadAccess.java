package org.kpi.task.reports;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.kpi.task.tasks.TaskResource;

/**
 * Checks who may attach to a report before the multipart body is read (request filters run
 * before the form is parsed): a caller outside the task's scope gets its 404 without having
 * streamed up to 10 MiB into a temporary file.
 */
public class UploadAccess {

    @Inject
    ReportService reports;

    @ServerRequestFilter
    public void checkBeforeBody(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != ReportResource.class || !"attach".equals(resource.getMethodName())) {
            return;
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        reports.checkUpload(TaskResource.taskId(path.getFirst("taskId")),
                TaskResource.longId("reportId", path.getFirst("reportId")));
    }
}
