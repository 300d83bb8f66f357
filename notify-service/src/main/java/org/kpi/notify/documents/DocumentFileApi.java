package org.kpi.notify.documents;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * target-service's file of an issued document, as a REST client (built by {@link DocumentFiles}):
 * {@code GET {filePath}} with a service token answers the bytes.
 */
@Path("/")
public interface DocumentFileApi {

    /** The file at {@code path} (the document's {@code filePath} without its leading slash, already safe). */
    @GET
    @Path("{path: .+}")
    byte[] fetch(@HeaderParam("Authorization") String authorization, @PathParam("path") @Encoded String path);
}
