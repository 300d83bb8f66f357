package org.kpi.task.drafts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A change to a draft: fields left out stay as they are; {@code dueDate}, {@code quantity},
 * {@code category} and {@code suggestedLeadUnitCode} sent as {@code null} are cleared (a class
 * rather than a record because only a setter tells the two apart).
 */
@Schema(name = "DraftPatch", description = "修改草稿：未出现的字段不变；dueDate、quantity、category、suggestedLeadUnitCode 为 null 时清空 · "
        + "A change: fields left out stay; dueDate, quantity, category and suggestedLeadUnitCode sent as null are cleared")
public class DraftPatch {

    @Size(min = 1, max = 300, message = "任务名称应为 1 到 300 个字符")
    private String title;

    @Size(max = 64, message = "类别最长 64 个字符")
    private String category;
    @JsonIgnore
    private boolean categoryGiven;

    private LocalDate dueDate;
    @JsonIgnore
    private boolean dueDateGiven;

    @Size(max = 50, message = "节点最多 50 个")
    private List<@NotNull(message = "节点不能为空") @Valid DraftMilestone> milestones;

    @Valid
    private DraftQuantity quantity;
    @JsonIgnore
    private boolean quantityGiven;

    @Size(max = 32, message = "单位代码最长 32 个字符")
    private String suggestedLeadUnitCode;
    @JsonIgnore
    private boolean leadGiven;

    @Size(max = 30, message = "配合单位最多 30 个")
    private List<@NotNull(message = "单位代码不能为空") @Size(max = 32, message = "单位代码最长 32 个字符") String> suggestedCoUnitCodes;

    @Schema(nullable = true, description = "所依据的版本（可代替 If-Match） · The version this change is based on")
    private Long version;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    @Schema(nullable = true)
    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
        this.categoryGiven = true;
    }

    public boolean categoryGiven() {
        return categoryGiven;
    }

    @Schema(nullable = true, implementation = String.class, format = "date")
    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
        this.dueDateGiven = true;
    }

    public boolean dueDateGiven() {
        return dueDateGiven;
    }

    public List<DraftMilestone> getMilestones() {
        return milestones;
    }

    public void setMilestones(List<DraftMilestone> milestones) {
        this.milestones = milestones;
    }

    @Schema(nullable = true)
    public DraftQuantity getQuantity() {
        return quantity;
    }

    public void setQuantity(DraftQuantity quantity) {
        this.quantity = quantity;
        this.quantityGiven = true;
    }

    public boolean quantityGiven() {
        return quantityGiven;
    }

    @Schema(nullable = true)
    public String getSuggestedLeadUnitCode() {
        return suggestedLeadUnitCode;
    }

    public void setSuggestedLeadUnitCode(String suggestedLeadUnitCode) {
        this.suggestedLeadUnitCode = suggestedLeadUnitCode;
        this.leadGiven = true;
    }

    public boolean leadGiven() {
        return leadGiven;
    }

    public List<String> getSuggestedCoUnitCodes() {
        return suggestedCoUnitCodes;
    }

    public void setSuggestedCoUnitCodes(List<String> suggestedCoUnitCodes) {
        this.suggestedCoUnitCodes = suggestedCoUnitCodes;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
