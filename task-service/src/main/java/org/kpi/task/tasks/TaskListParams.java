package org.kpi.task.tasks;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;

/** The list filters of {@code GET /api/v1/tasks}, shared by the list and the ledger export. */
public class TaskListParams {

    @QueryParam("orgUnit")
    @Parameter(description = "组织机构代码：属于该机构及其下级、或牵头/配合单位在其中的任务 · "
            + "Org unit code: tasks of its subtree, or with a lead or co-unit in it")
    public String orgUnit;

    @QueryParam("involvement")
    @Parameter(description = "与 orgUnit（缺省为本人单位）一起使用：LEAD 牵头、CO 配合、ANY 任一 · "
            + "With orgUnit (else the caller's unit): the part it plays")
    public Involvement involvement;

    @QueryParam("status")
    @Parameter(description = "一个或多个状态，逗号分隔，如 ASSIGNED,IN_PROGRESS · One or more statuses, comma-separated",
            style = ParameterStyle.FORM, explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TaskStatus.class))
    public String status;

    @QueryParam("colour")
    @Parameter(description = "三色管理颜色 · Derived colour")
    public Colour colour;

    @QueryParam("overdue")
    @Parameter(description = "是否已逾期 · Overdue or not")
    public Boolean overdue;

    @QueryParam("dueBefore")
    @Parameter(description = "完成时限不晚于此日期 · Due on or before this date")
    public LocalDate dueBefore;

    @QueryParam("category")
    @Parameter(description = "类别（完全相同） · Exact category")
    public String category;

    @QueryParam("q")
    @Parameter(description = "任务名称包含的文字，最长 100 个字符 · Text contained in the title, at most 100 characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
    public String q;

    @QueryParam("responseOverdue")
    @Parameter(description = "有督办单逾期未反馈 · A supervision order waits for an answer past its date")
    public Boolean responseOverdue;

    @QueryParam("awaitingSignature")
    @Parameter(description = "已交办、仍有单位未签收（部门用户：本单位未签收） · Running, a unit yet to sign for it "
            + "(for a department: its own unit)")
    public Boolean awaitingSignature;

    @QueryParam("signForOverdue")
    @Parameter(description = "超过签收期限仍有单位未签收 · A unit has not signed for it past the limit")
    public Boolean signForOverdue;

    @QueryParam("instructionId")
    @Parameter(description = "由该领导批示件产生的任务 · Made from this leader instruction")
    public Long instructionId;

    @QueryParam("sort")
    @Parameter(description = "排序字段，前加 - 表示倒序，默认 dueDate · Sort key, - for descending (default dueDate)",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"dueDate", "-dueDate", "nextDueDate",
                    "-nextDueDate", "createdAt", "-createdAt", "updatedAt", "-updatedAt", "title", "-title", "id",
                    "-id"}))
    public String sort;

    /** The parsed filter; a malformed parameter is a 400 problem naming it. */
    public TaskFilter filter() {
        return TaskFilter.parse(orgUnit, involvement, status, colour, overdue, dueBefore, category, q,
                responseOverdue, awaitingSignature, signForOverdue, instructionId, sort);
    }
}
