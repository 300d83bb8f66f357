package org.kpi.task.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;

/** Working-day calendars (工作日历): loaded per year by an admin, read by everyone. */
@Path("/api/v1/calendars/{year: \\d{4}}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工作日历 Calendars", description = "法定节假日与调休上班日，按年载入；工作日时限（签收）据此计算 · "
        + "Holidays and exchanged working weekends per year; working-day limits count with them")
public class CalendarResource {

    private static final String YEAR = "年份 · Year";

    @Inject
    WorkCalendars calendars;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getCalendar", summary = "查看一年的工作日历（未载入时 loaded 为 false）")
    public RestResponse<CalendarView> get(@PathParam("year") @Parameter(description = YEAR) int year) {
        CalendarView view = calendars.view(year);
        return Responses.tagged(view, view.version());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putCalendar", summary = "载入一年的工作日历（管理员；整体替换，If-Match 或 version 可选，给出时须为当前版本）")
    public RestResponse<CalendarView> put(
            @PathParam("year") @Parameter(description = YEAR) int year,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "当前 ETag（可选） · The current ETag (optional)")
            String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid CalendarUpdate update) {
        CalendarView view = calendars.replace(year, update, ifMatch);
        return Responses.tagged(view, view.version());
    }
}
