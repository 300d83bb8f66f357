package org.kpi.common.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters of every list ({@code @BeanParam}): {@code page} and {@code size}. */
public class PageParams {

    @QueryParam("page")
    @Min(0)
    @Max(PageRequest.MAX_PAGE)
    @Parameter(description = "页码，从 0 开始，默认 0 · Page number, from 0 (default 0)")
    public Integer page;

    @QueryParam("size")
    @Min(1)
    @Max(PageRequest.MAX_SIZE)
    @Parameter(description = "每页条数，默认 " + PageRequest.DEFAULT_SIZE + "，最多 " + PageRequest.MAX_SIZE
            + " · Page size (default " + PageRequest.DEFAULT_SIZE + ", at most " + PageRequest.MAX_SIZE + ")")
    public Integer size;

    /** The page asked for, defaults filled in. */
    public PageRequest request() {
        return new PageRequest(page == null ? 0 : page, size == null ? PageRequest.DEFAULT_SIZE : size);
    }
}
