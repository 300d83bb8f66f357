package org.kpi.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.kpi.common.problem.Problem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every service's OpenAPI document the contract its clients are generated from, by rules
 * written once instead of annotations copied onto every method:
 * <ul>
 * <li>the shared vocabulary: the {@code Problem} schema and one response per error status
 *     ({@link StandardProblem}), the bearer security scheme, contact and licence;</li>
 * <li>every operation lists the errors it can answer with, from what it takes: any request can be
 *     malformed (400), refused for its token (401) or role (403), ask for a type the server cannot
 *     give (406) or meet a bug (500); a path with an id can name nothing the caller may see (404);
 *     a write can conflict (409); a body can be too large (413) or of the wrong type (415); an
 *     {@code If-Match} can be missing (428);</li>
 * <li>a 201 carries {@code Location}; a 201 or 200 whose body is a versioned object (it has a
 *     {@code version}) carries its {@code ETag};</li>
 * <li>response bodies are written with every property present ({@code null} when unknown), so
 *     every property of a schema a response uses is required; the ones that may be {@code null}
 *     say {@code nullable} where they are declared.</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {

    static final String SECURITY_SCHEME = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_ERROR = "ProblemError";
    static final String SCHEMA_PREFIX = "#/components/schemas/";
    static final String JSON_NODE = "JsonNode";

    private final Set<StandardProblem> used = java.util.EnumSet.noneOf(StandardProblem.class);

    @Override
    public void filterOpenAPI(OpenAPI api) {
        used.clear();
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(PROBLEM_ERROR, problemErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        components.setSecuritySchemes(Map.of(SECURITY_SCHEME, securityScheme()));
        info(api);
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> operation(path, method, operation, components)));
        }
        // the shared error responses, those the operations use
        for (StandardProblem problem : StandardProblem.values()) {
            if (used.contains(problem)) {
                components.addResponse(problem.name(), problem.response());
            }
        }
        freeJson(components);
        noSampleDates(components);
        inlineNullableReferences(components);
        dropUnreferencedSchemas(api, components);
        requireResponseProperties(api, components);
    }

    /**
     * The java.time schemas come with a fixed sample date (2022-03-10), which Swagger UI puts into
     * every date filter on "Try it out": a list filtered by it finds nothing. Dates carry no sample.
     */
    private static void noSampleDates(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (String name : List.of("LocalDate", "LocalTime", "LocalDateTime", "OffsetDateTime", "Instant", "ZonedDateTime")) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null) {
                schema.setExample(null);
            }
        }
    }

    /**
     * Removes the schemas no operation reaches any more (a nullable reference's target once it is
     * inlined everywhere), so a generated client has no orphan models.
     */
    private static void dropUnreferencedSchemas(OpenAPI api, Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Deque<Schema> pending = new ArrayDeque<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> addSchema(pending, p.getSchema()));
                    }
                    if (operation.getRequestBody() != null) {
                        addContent(pending, operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> addContent(pending, r.getContent()));
                    }
                }
            }
        }
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(r -> addContent(pending, r.getContent()));
        }
        Set<String> reached = new HashSet<>();
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(SCHEMA_PREFIX.length());
                if (reached.add(name)) {
                    addSchema(pending, components.getSchemas().get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(s -> addSchema(pending, s));
            }
            addSchema(pending, schema.getItems());
            addSchema(pending, schema.getAdditionalPropertiesSchema());
            for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (parts != null) {
                    parts.forEach(s -> addSchema(pending, s));
                }
            }
        }
        new ArrayList<>(components.getSchemas().keySet()).stream()
                .filter(name -> !reached.contains(name))
                .forEach(components::removeSchema);
    }

    private static void addContent(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> addSchema(pending, m.getSchema()));
        }
    }

    private static void addSchema(Deque<Schema> pending, Schema schema) {
        if (schema != null) {
            pending.push(schema);
        }
    }

    /**
     * A nullable field of a named type (a timestamp, an enum, a nested record) is modelled as
     * {@code anyOf: [{$ref}, {type: null}]}, which OpenAPI 3.0 can only write as
     * {@code allOf: [{$ref}], nullable: true}: a form in which {@code null} still fails the
     * referenced schema. Such a field gets the referenced schema's definition inline, with
     * {@code null} allowed.
     */
    private static void inlineNullableReferences(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Deque<Schema> pending = new ArrayDeque<>(components.getSchemas().values());
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.getProperties() != null) {
                for (Map.Entry<String, Schema> property : new LinkedHashMap<>(schema.getProperties()).entrySet()) {
                    Schema inline = nullableCopy(property.getValue(), components);
                    if (inline != null) {
                        schema.addProperty(property.getKey(), inline);
                    }
                    pending.add(schema.getProperties().get(property.getKey()));
                }
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
        }
    }

    /** The inline, nullable copy of a nullable reference; {@code null} if {@code schema} is not one. */
    private static Schema nullableCopy(Schema schema, Components components) {
        List<Schema> options = schema.getAnyOf();
        if (options == null || options.size() != 2) {
            return null;
        }
        Schema reference = options.stream().filter(o -> o.getRef() != null).findFirst().orElse(null);
        boolean allowsNull = options.stream().anyMatch(o -> o.getType() != null
                && o.getType().equals(List.of(Schema.SchemaType.NULL)));
        if (reference == null || !allowsNull) {
            return null;
        }
        Schema target = components.getSchemas().get(reference.getRef().substring(SCHEMA_PREFIX.length()));
        if (target == null) {
            return null;
        }
        Schema copy = OASFactory.createSchema();
        if (target.getType() != null) {
            copy.setType(new ArrayList<>(target.getType()));
        }
        copy.addType(Schema.SchemaType.NULL);
        copy.setFormat(target.getFormat());
        copy.setDescription(schema.getDescription() != null ? schema.getDescription() : target.getDescription());
        if (target.getEnumeration() != null) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            copy.setEnumeration(values);
        }
        if (target.getProperties() != null) {
            copy.setProperties(new LinkedHashMap<>(target.getProperties()));
        }
        copy.setItems(target.getItems());
        copy.setAdditionalPropertiesSchema(target.getAdditionalPropertiesSchema());
        copy.setAdditionalPropertiesBoolean(target.getAdditionalPropertiesBoolean());
        return copy;
    }

    /**
     * Jackson's {@code JsonNode} (audit before/after, event payloads) is free JSON, published as an
     * object with any properties rather than as a model of Jackson's own.
     */
    private static void freeJson(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        String ref = SCHEMA_PREFIX + JSON_NODE;
        for (Schema schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Map.Entry<String, Schema> property : new LinkedHashMap<>(schema.getProperties()).entrySet()) {
                Schema value = property.getValue();
                boolean node = ref.equals(value.getRef()) || (value.getAllOf() != null
                        && value.getAllOf().stream().anyMatch(part -> ref.equals(part.getRef())));
                if (node) {
                    Schema free = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                            .additionalPropertiesSchema(OASFactory.createSchema())
                            .description(value.getDescription());
                    if (value.getType() != null && value.getType().contains(Schema.SchemaType.NULL)) {
                        free.addType(Schema.SchemaType.NULL);
                    }
                    schema.addProperty(property.getKey(), free);
                }
            }
        }
        components.removeSchema(JSON_NODE);
    }

    private void info(OpenAPI api) {
        api.getInfo()
                .contact(OASFactory.createContact()
                        .name("KPI 督考平台开发组 · KPI supervision platform team")
                        .url("https://kpi.local/developers"))
                .license(OASFactory.createLicense()
                        .name("Apache-2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0"));
        List<org.eclipse.microprofile.openapi.models.servers.Server> servers = new ArrayList<>();
        servers.add(OASFactory.createServer().url("/").description(
                "同源：经统一入口（控制台或 Ingress）访问 · Same origin, through the single entry point"));
        if (api.getServers() != null) {
            api.getServers().stream().filter(server -> !"/".equals(server.getUrl())).forEach(server -> {
                if (server.getDescription() == null) {
                    server.setDescription("本服务直连，本地运行（./kpi up） · This service directly, under ./kpi up");
                }
                servers.add(server);
            });
        }
        api.setServers(servers);
    }

    private static SecurityScheme securityScheme() {
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("""
                        JWT（RS256 或 ES256），放在 `Authorization: Bearer …` 中。本地运行 `./kpi up` 后用 \
                        `./kpi token --role <角色> --org <组织机构代码>` 签发（例如 `./kpi token --role supervisor --org 370602`）；生产环境由统一身份认证\
                        （Keycloak）签发。声明：`sub`、`name`、`groups`（角色：`leader` 领导、`supervisor` 督查人员、\
                        `department` 部门、`admin` 管理员、`service` 服务间调用）、`org`（本人所属组织机构代码，\
                        决定可见范围：本单位及其下级）。

                        A JWT (RS256 or ES256) in `Authorization: Bearer …`. Locally, after `./kpi up`, mint one \
                        with `./kpi token --role <role> --org <org-unit-code>`; in production the identity provider (Keycloak) \
                        issues it. Claims: `sub`, `name`, `groups` (roles `leader`, `supervisor`, `department`, \
                        `admin`, `service`), `org` (the caller's org unit, which scopes what it sees: that unit \
                        and the units below it).""");
    }

    private void operation(String path, PathItem.HttpMethod method, Operation operation, Components components) {
        // every path under /api/ needs a token (the security requirement itself is Quarkus's)
        boolean secured = path.startsWith("/api/");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean ifMatch = hasHeader(operation, "If-Match");
        Set<StandardProblem> answers = new LinkedHashSet<>(List.of(StandardProblem.BadRequest,
                StandardProblem.NotAcceptable, StandardProblem.InternalError));
        if (secured) {
            answers.add(StandardProblem.Unauthorized);
            answers.add(StandardProblem.Forbidden);
        }
        if (path.contains("{")) {
            answers.add(StandardProblem.NotFound);
        }
        if (write) {
            answers.add(StandardProblem.Conflict);
        }
        if (operation.getRequestBody() != null) {
            namedFormOnly(operation.getRequestBody().getContent(), components);
            answers.add(StandardProblem.PayloadTooLarge);
            answers.add(StandardProblem.UnsupportedMediaType);
        }
        if (ifMatch) {
            answers.add(StandardProblem.PreconditionRequired);
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        // an error response an annotation declared by status only gets the shared problem
        for (StandardProblem problem : StandardProblem.values()) {
            if (responses.containsKey(problem.code())) {
                answers.add(problem);
            }
        }
        used.addAll(answers);
        for (StandardProblem problem : answers) {
            operation.getResponses().addAPIResponse(problem.code(),
                    OASFactory.createAPIResponse().ref(problem.name()));
        }
        for (Map.Entry<String, APIResponse> entry : new LinkedHashMap<>(responses).entrySet()) {
            successHeaders(entry.getKey(), entry.getValue(), components);
        }
    }

    /**
     * A multipart body declared with a named form schema also gets the method's form parameters
     * merged in beside it ({@code $ref} with {@code properties: {file}}), which a generator reads as
     * a second {@code file}. Where the named schema already has every merged property, the body is
     * just the named schema.
     */
    private static void namedFormOnly(Content content, Components components) {
        if (content == null || content.getMediaTypes() == null || components.getSchemas() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema == null || schema.getRef() == null || schema.getProperties() == null) {
                continue;
            }
            Schema named = components.getSchemas().get(schema.getRef().substring(SCHEMA_PREFIX.length()));
            if (named != null && named.getProperties() != null
                    && named.getProperties().keySet().containsAll(schema.getProperties().keySet())) {
                media.setSchema(OASFactory.createSchema().ref(schema.getRef()));
            }
        }
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    /** 201: where the new resource lives and its version; 200 of a versioned resource: its version. */
    private void successHeaders(String code, APIResponse response, Components components) {
        if (response.getRef() != null) {
            return;
        }
        if ("201".equals(code)) {
            response.addHeader("Location", header("新建资源的地址 Where the new resource is read", "uri"));
            if (versioned(response, components)) {
                response.addHeader("ETag", header("新建资源的版本，修改时放入 If-Match · The new resource's "
                        + "version, for If-Match", null));
            }
        } else if ("200".equals(code) && versioned(response, components)) {
            response.addHeader("ETag", header("资源的当前版本，修改时放入 If-Match · The resource's current "
                    + "version, for If-Match", null));
        }
    }

    private static Header header(String description, String format) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        if (format != null) {
            schema.setFormat(format);
        }
        return OASFactory.createHeader().description(description).required(true).schema(schema);
    }

    private static boolean versioned(APIResponse response, Components components) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return false;
        }
        MediaType json = response.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null || json.getSchema() == null || json.getSchema().getRef() == null) {
            return false;
        }
        Schema target = components.getSchemas().get(json.getSchema().getRef().substring(SCHEMA_PREFIX.length()));
        return target != null && target.getProperties() != null && target.getProperties().containsKey("version")
                && !target.getProperties().containsKey("items");
    }

    /** Every property of every schema a response reaches is written, so it is required. */
    private void requireResponseProperties(OpenAPI api, Components components) {
        Deque<Schema> pending = new ArrayDeque<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                            response.getContent().getMediaTypes().values().forEach(m -> {
                                if (m.getSchema() != null) {
                                    pending.add(m.getSchema());
                                }
                            });
                        }
                    }
                }
            }
        }
        Set<String> seen = new HashSet<>(Set.of(PROBLEM, PROBLEM_ERROR));
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(SCHEMA_PREFIX.length());
                Schema named = components.getSchemas() == null ? null : components.getSchemas().get(name);
                if (named != null && seen.add(name)) {
                    pending.push(named);
                }
                continue;
            }
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                pending.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                pending.add(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> parts : new ArrayList<List<Schema>>(java.util.Arrays.asList(
                    schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()))) {
                if (parts != null) {
                    pending.addAll(parts);
                }
            }
        }
    }

    private static Schema problemErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("一项具体错误：请求中的字段，或导入表格中的单元格 · One error: a request field, or a cell "
                        + "of an imported spreadsheet")
                .addRequired("message")
                .addProperty("field", text("出错的字段路径，如 milestones[0].dueDate 或 size · The field's path"))
                .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("表格中的行号（表头为第 1 行） · Spreadsheet row, the header is row 1"))
                .addProperty("column", text("表格的列名 · Spreadsheet column header"))
                .addProperty("message", text("哪里不对，用中文说明 · What is wrong, in Chinese"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 问题详情，所有错误响应的内容（" + Problem.MEDIA_TYPE + "）。为空的成员不出现。"
                        + " · RFC 9457 problem details, the body of every error; empty members are omitted.")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text("问题类别，形如 urn:kpi:problem:validation · The kind of problem"))
                .addProperty("title", text("类别的简短说明 · Short summary of the kind"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("HTTP 状态码 · The HTTP status"))
                .addProperty("detail", text("这一次请求出了什么问题 · What went wrong in this request"))
                .addProperty("instance", text("出错的请求路径 · The request path that failed"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("逐项错误（校验失败或表格导入被拒） · Per-field or per-cell errors")
                        .items(OASFactory.createSchema().ref(PROBLEM_ERROR)));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    /** The error statuses the platform answers with, each a shared response with a problem body. */
    enum StandardProblem {
        BadRequest("400", "请求不合法：参数、请求体或地址有误，errors 逐项说明 · Bad request; errors names each field"),
        Unauthorized("401", "未认证：缺少令牌或令牌无效、过期 · No token, or a token that is invalid or expired"),
        Forbidden("403", "无权执行：角色不允许 · The caller's role may not do this"),
        NotFound("404", "不存在，或不在本人可见范围内 · No such object, or not within the caller's scope"),
        NotAcceptable("406", "无法提供 Accept 所要求的格式 · The Accept header names no format offered"),
        Conflict("409", "冲突：版本已变（数据已被他人修改）、当前状态不允许此操作，或与现有数据重复 · "
                + "Stale version, illegal transition, or a duplicate"),
        PayloadTooLarge("413", "请求体过大 · The request body is too large"),
        UnsupportedMediaType("415", "不支持的内容类型 · The request body's content type is not accepted"),
        Unprocessable("422", "内容格式正确但无法处理（例如表格导入有错误单元格） · Well-formed but not processable"),
        PreconditionRequired("428", "缺少 If-Match（资源的 ETag） · If-Match (the resource's ETag) is missing"),
        InternalError("500", "服务器内部错误，detail 中有事件编号 · Server error; detail carries an incident id");

        private final String code;
        private final String description;

        StandardProblem(String code, String description) {
            this.code = code;
            this.description = description;
        }

        String code() {
            return code;
        }

        APIResponse response() {
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
            return OASFactory.createAPIResponse().description(description).content(content);
        }
    }
}
