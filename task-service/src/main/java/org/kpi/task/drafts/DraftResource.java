package org.kpi.task.drafts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.QueryParams;
import org.kpi.common.web.Responses;

import java.time.LocalDate;

/** From work plan to task ledger (任务分解): draft tasks read from a plan's text, reviewed, published. */
@Path("/api/v1/task-drafts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = DraftResource.TAG, description = "任务分解：粘贴或上传工作计划，得到任务草稿，审核修改后发布为任务 · "
        + "Task drafts: paste or upload a work plan, review the draft tasks read from it, publish the good ones")
public class DraftResource {

    public static final String TAG = "任务分解 Task drafts";
    private static final String BATCH = "任务分解批次编号 · Batch id";
    private static final String DRAFT = "草稿编号 · Draft id";

    @Inject
    DraftService service;

    @POST
    @Path("/extract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "extractTaskDrafts", summary = "分解计划正文为任务草稿（督查人员）",
            description = "每项可落实的承诺一个草稿：时限按计划日期推算（年内、明年上半年、9月初……），数量含单位与限定词，"
                    + "原文隐去的数字不编造；牵头单位按关键词建议。非中文或没有承诺的正文得到空批次。"
                    + " One draft per actionable commitment; dates are resolved against planDate; masked numbers stay masked.")
    @APIResponseSchema(value = DraftBatchView.class, responseCode = "201", responseDescription = "已分解 · Read")
    @APIResponse(responseCode = "413", description = "正文超过 200000 字 · Text too long")
    public RestResponse<DraftBatchView> extract(@NotNull(message = "请求体不能为空") @Valid ExtractRequest request) {
        DraftBatchView batch = service.extract(request.text(), request.planDate(), request.orgUnitCode(),
                request.title(), null);
        return Responses.created("/api/v1/task-drafts/" + batch.id(), batch);
    }

    @POST
    @Path("/extract")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "extractTaskDraftsFromFile", summary = "上传计划文件（.docx 或 .txt）分解为任务草稿（督查人员）")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = ExtractForm.class)))
    @APIResponse(responseCode = "201", description = "已分解 · Read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftBatchView.class)))
    @APIResponse(responseCode = "413", description = "文件或正文过大 · File or text too large")
    @APIResponse(responseCode = "415", description = "不是 .docx 或 .txt 文件 · Neither .docx nor .txt")
    @APIResponse(responseCode = "422", description = "文件不是有效的 Word 文档，或没有文字 · Not a readable document")
    public RestResponse<DraftBatchView> extractFile(@RestForm("file") FileUpload file,
                                                    @RestForm("planDate") String planDate,
                                                    @RestForm("orgUnitCode") String orgUnitCode,
                                                    @RestForm("title") String title) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "缺少计划文件（multipart 表单字段 file）");
        }
        if (title != null && title.strip().length() > 64) {
            throw ProblemException.invalid("title", "计划名称最长 64 个字符");
        }
        LocalDate date = QueryParams.optionalDate("planDate", planDate);
        DraftBatchView batch = service.extractFile(file.uploadedFile(), PlanFiles.oneLine(file.fileName()), date,
                PlanFiles.oneLine(orgUnitCode), PlanFiles.oneLine(title));
        return Responses.created("/api/v1/task-drafts/" + batch.id(), batch);
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listTaskDraftBatches", summary = "任务分解记录（本人辖区，新的在前）")
    public PageResult<DraftBatchSummary> list(
            @QueryParam("orgUnit") @Parameter(description = "只看此单位及其下属的 · Only this unit and below") String orgUnit,
            @BeanParam PageParams page) {
        return service.list(orgUnit, page.request());
    }

    @GET
    @Path("/{batchId: \\d+}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getTaskDraftBatch", summary = "查看任务分解批次：计划原文与草稿")
    public DraftBatchView get(@PathParam("batchId") @Parameter(description = BATCH) long batchId) {
        return service.get(batchId);
    }

    @PATCH
    @Path("/{batchId: \\d+}/drafts/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updateTaskDraft", summary = "修改草稿（需 If-Match 或 version；已发布的不能改，409）")
    @APIResponseSchema(value = DraftView.class, responseCode = "200", responseDescription = "已修改 · Changed")
    public RestResponse<DraftView> patch(
            @PathParam("batchId") @Parameter(description = BATCH) long batchId,
            @PathParam("id") @Parameter(description = DRAFT) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = Responses.IF_MATCH_OR_VERSION) String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid DraftPatch patch) {
        DraftView draft = service.patch(batchId, id, patch, ifMatch);
        return Responses.tagged(draft, draft.version());
    }

    @DELETE
    @Path("/{batchId: \\d+}/drafts/{id: \\d+}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "deleteTaskDraft", summary = "删除草稿（已发布的不能删，409；If-Match 可选，给出时须为当前版本）；"
            + "返回删除后的批次")
    @APIResponseSchema(value = DraftBatchView.class, responseCode = "200", responseDescription = "已删除；批次现状 · "
            + "Deleted; the batch as it now stands")
    public DraftBatchView delete(@PathParam("batchId") @Parameter(description = BATCH) long batchId,
                                 @PathParam("id") @Parameter(description = DRAFT) long id,
                                 @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "草稿当前的 ETag（可选） · "
                                         + "The draft's current ETag (optional)") String ifMatch) {
        return service.delete(batchId, id, ifMatch);
    }

    @POST
    @Path("/{batchId: \\d+}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "publishTaskDrafts", summary = "发布草稿为任务（草稿状态，待交办）",
            description = "全部成功或全部不发布：缺完成时限或牵头单位的草稿逐个指出。已发布过的草稿返回原任务，不重复新建。"
                    + " All or nothing; drafts published before return their task and are never made twice.")
    @APIResponseSchema(value = PublishResult.class, responseCode = "200", responseDescription = "已发布 · Published")
    public PublishResult publish(@PathParam("batchId") @Parameter(description = BATCH) long batchId,
                                 @NotNull(message = "请求体不能为空") @Valid PublishRequest request) {
        return service.publish(batchId, request);
    }

    @GET
    @Path("/unit-keywords")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getUnitKeywords", summary = "牵头单位关键词（招商 → 商务局 ……）；未编辑时为按部门名称生成的初始关键词")
    public RestResponse<UnitKeywordsView> keywords(
            @QueryParam("orgUnit") @Parameter(description = "区或市的单位代码；不填为本人单位 · The district or city")
            String orgUnit) {
        UnitKeywordsView view = service.keywords(orgUnit);
        return Responses.tagged(view, view.version());
    }

    @PUT
    @Path("/unit-keywords")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "putUnitKeywords", summary = "编辑牵头单位关键词（整体替换；If-Match 或 version 可选，给出时须为当前版本）")
    public RestResponse<UnitKeywordsView> putKeywords(
            @QueryParam("orgUnit") @Parameter(description = "区或市的单位代码；不填为本人单位 · The district or city")
            String orgUnit,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "当前 ETag（可选） · The current ETag (optional)")
            String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid UnitKeywordsUpdate update) {
        UnitKeywordsView view = service.replaceKeywords(orgUnit, update, ifMatch);
        return Responses.tagged(view, view.version());
    }
}
