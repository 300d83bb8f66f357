package org.kpi.task.drafts;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.kpi.task.OrgFixture;
import org.kpi.task.TaskApi;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From work plan to task ledger over HTTP: extract (text, .docx, .txt), review, edit, delete,
 * publish (once, however often), the unit keywords, bad input, and who may do what.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TaskDraftsTest {

    private static final String PLAN = """
            一、在重大片区开发建设上主动担当
            9月初开工建设占地100亩的智能制造产业园，明年上半年投入运营。年内再新招引三类500强5个以上。
            确保完成年度投资**亿元。扎实推进世界设计公园建设。
            二、在民生保障上走在前列
            新建1处标准化农贸市场。
            """;

    @Inject
    OrgFixture orgs;

    private static String extract(OrgFixture.Tree tree, String text) {
        return "{\"text\":" + json(text) + ",\"planDate\":\"2026-08-01\",\"orgUnitCode\":\"" + tree.districtA()
                + "\",\"title\":\"半年工作部署\"}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static JsonPath extracted(OrgFixture.Tree tree, String text) {
        return TestTokens.as("supervisor", tree.districtA()).body(extract(tree, text))
                .post("/api/v1/task-drafts/extract").then().statusCode(201)
                .header("Location", containsString("/api/v1/task-drafts/")).extract().jsonPath();
    }

    private static Map<String, Object> draftWith(JsonPath batch, String words) {
        List<Map<String, Object>> drafts = batch.getList("drafts");
        return drafts.stream().filter(d -> ((String) d.get("sourceText")).contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no draft with " + words + " in " + drafts));
    }

    private static RequestSpecification multipart(String role, String org) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, org))
                .config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")));
    }

    @Test
    void aSupervisorPastesAPlanAndGetsOneDraftPerCommitmentWithDatesNumbersAndSuggestedUnits() {
        OrgFixture.Tree tree = orgs.tree();
        JsonPath batch = extracted(tree, PLAN);
        assertEquals(tree.districtA(), batch.getString("orgUnitCode"));
        assertEquals("半年工作部署", batch.getString("title"));
        assertEquals(PLAN, batch.getString("text"));
        assertEquals(4, batch.getList("drafts").size(), "four commitments; 扎实推进世界设计公园建设 is none: " + batch.prettify());

        Map<String, Object> park = draftWith(batch, "智能制造产业园");
        assertEquals("2027-06-30", park.get("dueDate"));
        assertEquals("明年上半年", park.get("dueDateText"));
        assertEquals("在重大片区开发建设上主动担当", park.get("category"));
        assertEquals(List.of(Map.of("title", "开工建设占地100亩的智能制造产业园", "dueDate", "2026-09-10"),
                Map.of("title", "投入运营", "dueDate", "2027-06-30")), park.get("milestones"));
        assertEquals(Map.of("value", 100, "unit", "亩", "masked", false), withoutNulls(park.get("quantity")));
        // 产业园 is a keyword of the industry department in the seeded mapping
        assertEquals(tree.a2(), park.get("suggestedLeadUnitCode"));
        int start = (Integer) park.get("sourceStart");
        int end = (Integer) park.get("sourceEnd");
        assertEquals(park.get("sourceText"), PLAN.substring(start, end), "the offsets point into the plan");

        Map<String, Object> attract = draftWith(batch, "三类500强");
        assertEquals("2026-12-31", attract.get("dueDate"));
        assertEquals(Map.of("value", 5, "unit", "个", "qualifier", "以上", "masked", false), attract.get("quantity"));
        assertEquals(tree.a3(), attract.get("suggestedLeadUnitCode"), "招引 → the commerce department");

        Map<String, Object> investment = draftWith(batch, "年度投资");
        assertEquals(Map.of("unit", "亿元", "masked", true), withoutNulls(investment.get("quantity")),
                "a masked number stays masked, never invented");

        Map<String, Object> market = draftWith(batch, "农贸市场");
        assertEquals("在民生保障上走在前列", market.get("category"));
        assertEquals(null, market.get("dueDate"), "no date, no due date");
        assertTrue(((Number) market.get("confidence")).doubleValue() < ((Number) park.get("confidence")).doubleValue(),
                "an undated draft is less certain");

        long id = batch.getLong("id");
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/task-drafts/" + id).then().statusCode(200)
                .body("drafts", hasSize(4)).body("planDate", equalTo("2026-08-01"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/task-drafts").then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("items.find { it.id == " + id + " }.drafts", equalTo(4));
    }

    private static Map<String, Object> withoutNulls(Object quantity) {
        @SuppressWarnings("unchecked")
        Map<String, Object> q = new java.util.HashMap<>((Map<String, Object>) quantity);
        q.values().removeIf(java.util.Objects::isNull);
        return q;
    }

    @Test
    void aWordDocumentOrATextFileInEitherEncodingGivesTheSameDrafts() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : PLAN.strip().split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            docx = out.toByteArray();
        }
        JsonPath fromWord = multipart("supervisor", tree.districtA())
                .multiPart("file", "半年工作部署.docx", docx, "application/octet-stream")
                .multiPart("planDate", "2026-08-01").multiPart("orgUnitCode", tree.districtA())
                .post("/api/v1/task-drafts/extract").then().statusCode(201).extract().jsonPath();
        assertEquals("半年工作部署", fromWord.getString("title"), "the file's name, without its extension");
        assertEquals("半年工作部署.docx", fromWord.getString("sourceName"));
        assertEquals(4, fromWord.getList("drafts").size());
        assertEquals("2027-06-30", draftWith(fromWord, "智能制造产业园").get("dueDate"));

        byte[] utf16 = ("\uFEFF" + PLAN).getBytes(StandardCharsets.UTF_16LE);
        byte[] withNul = ("\u0000" + PLAN.replace("\n", "\r\n") + "\u0007").getBytes(StandardCharsets.UTF_8);
        for (Object[] file : List.of(new Object[]{"UTF-8", PLAN.getBytes(StandardCharsets.UTF_8)},
                new Object[]{"GB18030", PLAN.getBytes(Charset.forName("GB18030"))},
                new Object[]{"UTF-16 (Notepad's Unicode)", utf16},
                new Object[]{"Windows line ends, NUL and BEL", withNul})) {
            String charset = (String) file[0];
            JsonPath fromText = multipart("supervisor", tree.districtA())
                    .multiPart("file", "plan\u202E.txt", (byte[]) file[1], "text/plain")
                    .multiPart("planDate", "2026-08-01").multiPart("orgUnitCode", tree.districtA())
                    .post("/api/v1/task-drafts/extract").then().statusCode(201).extract().jsonPath();
            assertEquals(4, fromText.getList("drafts").size(), charset);
            assertEquals(Map.of("value", 5, "unit", "个", "qualifier", "以上", "masked", false),
                    draftWith(fromText, "三类500强").get("quantity"), charset);
            assertEquals("plan", fromText.getString("title"), "the file's name on one line, without control characters");
            assertEquals("在民生保障上走在前列", draftWith(fromText, "农贸市场").get("category"), charset);
        }
    }

    @Test
    void badInputGetsAClearProblemOrAnEmptyBatchNeverA500() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        var supervisor = TestTokens.as("supervisor", tree.districtA());
        TaskApi.problem(supervisor.body("{\"text\":\"  \",\"orgUnitCode\":\"" + tree.districtA() + "\"}")
                .post("/api/v1/task-drafts/extract").then()).statusCode(400).body("errors.field", hasItem("text"));
        String huge = "年内新建1处农贸市场。".repeat(110_000);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(extract(tree, huge))
                .post("/api/v1/task-drafts/extract").then()).statusCode(413);
        extracted(tree, "The district will open two new parks by the end of the year. 12345 !!!")
                .getList("drafts").forEach(d -> {
                    throw new AssertionError("drafts from non-Chinese text: " + d);
                });
        JsonPath unbalanced = extracted(tree, "推进“智慧城市建设，年内新建1处农贸市场。明年开工建设「体育馆（一期");
        assertTrue(unbalanced.getList("drafts").size() >= 1, unbalanced.prettify());
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"text\":\"年内开工\",\"planDate\":\"八月\"}")
                .post("/api/v1/task-drafts/extract").then()).statusCode(400);

        TaskApi.problem(multipart("supervisor", tree.districtA())
                .multiPart("file", "plan.docx", "这不是 Word 文档".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .post("/api/v1/task-drafts/extract").then()).statusCode(422)
                .body("detail", containsString("Word"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            out.write("<w:document".getBytes(StandardCharsets.UTF_8));
        }
        TaskApi.problem(multipart("supervisor", tree.districtA())
                .multiPart("file", "plan.docx", zip.toByteArray(), "application/octet-stream")
                .post("/api/v1/task-drafts/extract").then()).statusCode(422);
        TaskApi.problem(multipart("supervisor", tree.districtA())
                .multiPart("file", "plan.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf")
                .post("/api/v1/task-drafts/extract").then()).statusCode(415);
        TaskApi.problem(multipart("supervisor", tree.districtA())
                .multiPart("file", "plan.doc", new byte[]{(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0}, "application/msword")
                .post("/api/v1/task-drafts/extract").then()).statusCode(415).body("detail", containsString(".docx"));
        TaskApi.problem(multipart("supervisor", tree.districtA()).multiPart("planDate", "2026-08-01")
                .post("/api/v1/task-drafts/extract").then()).statusCode(400).body("errors.field", hasItem("file"));
        TaskApi.problem(multipart("supervisor", tree.districtA())
                .multiPart("file", "plan.txt", "明年开工建设1所学校。".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("planDate", "+999999999-01-01").multiPart("orgUnitCode", tree.districtA())
                .post("/api/v1/task-drafts/extract").then()).statusCode(400).body("errors.field", hasItem("planDate"));
        TaskApi.problem(multipart("supervisor", tree.districtA())
                .multiPart("file", "plan.txt", "明年开工建设1所学校。".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("planDate", "3026-01-01").multiPart("orgUnitCode", tree.districtA())
                .post("/api/v1/task-drafts/extract").then()).statusCode(400).body("errors.field", hasItem("planDate"));

        // a line of 100,000 digits and no comma: read at once, no commitment in it
        JsonPath digits = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> extracted(tree, "7".repeat(100_000) + "。年内新建1处农贸市场。"));
        assertEquals(1, digits.getList("drafts").size());
    }

    @Test
    void aSupervisorEditsAndDeletesDraftsAndPublishesThemAsDraftTasksOnlyOnce() {
        OrgFixture.Tree tree = orgs.tree();
        JsonPath batch = extracted(tree, PLAN);
        long id = batch.getLong("id");
        String base = "/api/v1/task-drafts/" + id;
        Map<String, Object> park = draftWith(batch, "智能制造产业园");
        Map<String, Object> market = draftWith(batch, "农贸市场");
        Map<String, Object> investment = draftWith(batch, "年度投资");
        Map<String, Object> attract = draftWith(batch, "三类500强");

        // no due date and no lead: publishing it is refused by name, and nothing is published
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                .body("{\"draftIds\":[" + park.get("id") + "," + market.get("id") + "]}")
                .post(base + "/publish").then()).statusCode(400)
                .body("errors.message", hasItem(containsString("没有完成时限")))
                .body("errors.message", hasItem(containsString("没有牵头单位")));
        TestTokens.as("supervisor", tree.districtA()).get(base).then().body("drafts.findAll { it.taskId != null }", empty());

        // edit: a version is needed, a stale one is refused
        String marketPath = base + "/drafts/" + market.get("id");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"dueDate\":\"2026-12-31\"}")
                .patch(marketPath).then()).statusCode(428);
        Response edited = TestTokens.as("supervisor", tree.districtA())
                .header("If-Match", "\"" + market.get("version") + "\"")
                .body("{\"dueDate\":\"2026-12-31\",\"suggestedLeadUnitCode\":\"" + tree.a1() + "\",\"suggestedCoUnitCodes\":[\""
                        + tree.a3() + "\"],\"quantity\":{\"value\":1,\"unit\":\"处\",\"qualifier\":null,\"masked\":false},"
                        + "\"title\":\"新建1处标准化农贸市场（海岸社区）\"}")
                .patch(marketPath);
        edited.then().statusCode(200).body("dueDate", equalTo("2026-12-31")).body("suggestedLeadUnitCode", equalTo(tree.a1()))
                .body("title", equalTo("新建1处标准化农贸市场（海岸社区）"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"" + market.get("version") + "\"")
                .body("{\"title\":\"x\"}").patch(marketPath).then()).statusCode(409);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"version\":" + edited.jsonPath().getLong("version")
                + ",\"suggestedLeadUnitCode\":\"" + tree.b1() + "\"}").patch(marketPath).then()).statusCode(400)
                .body("errors.field", hasItem("suggestedLeadUnitCode"));

        // delete one (a stale If-Match is refused)
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"" + (((Number) investment.get("version")).longValue() + 1) + "\"")
                .delete(base + "/drafts/" + investment.get("id")).then()).statusCode(409);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"" + investment.get("version") + "\"")
                .delete(base + "/drafts/" + investment.get("id")).then().statusCode(200)
                .body("drafts", hasSize(3));
        TestTokens.as("supervisor", tree.districtA()).get(base).then().body("drafts", hasSize(3))
                .body("drafts.id", org.hamcrest.Matchers.not(hasItem(investment.get("id"))));

        // publish two: DRAFT tasks with milestones, quantity and the plan's words
        String publish = "{\"draftIds\":[" + attract.get("id") + "," + market.get("id") + "]}";
        JsonPath first = TestTokens.as("supervisor", tree.districtA()).body(publish).post(base + "/publish").then()
                .statusCode(200).body("created", equalTo(2)).extract().jsonPath();
        long attractTask = first.getLong("items.find { it.draftId == " + attract.get("id") + " }.taskId");
        long marketTask = first.getLong("items.find { it.draftId == " + market.get("id") + " }.taskId");
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + attractTask).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("title", equalTo("年内再新招引三类500强5个以上"))
                .body("dueDate", equalTo("2026-12-31"))
                .body("startDate", equalTo("2026-08-01"))
                .body("leadUnitCode", equalTo(tree.a3()))
                .body("source", equalTo("半年工作部署"))
                .body("category", equalTo("在重大片区开发建设上主动担当"))
                .body("quantity.value", equalTo(5)).body("quantity.unit", equalTo("个"))
                .body("quantity.qualifier", equalTo("以上"))
                .body("sourceText", equalTo("年内再新招引三类500强5个以上"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + marketTask).then()
                .body("coUnitCodes", contains(tree.a3())).body("title", equalTo("新建1处标准化农贸市场（海岸社区）"));

        // again, and the park with milestones once it has a lead: the first two are not made twice
        Map<String, Object> parkNow = draftWith(TestTokens.as("supervisor", tree.districtA()).get(base).jsonPath(), "智能制造产业园");
        TestTokens.as("supervisor", tree.districtA()).body("{\"version\":" + parkNow.get("version")
                + ",\"suggestedLeadUnitCode\":\"" + tree.a2() + "\"}").patch(base + "/drafts/" + park.get("id"))
                .then().statusCode(200);
        JsonPath second = TestTokens.as("supervisor", tree.districtA())
                .body("{\"draftIds\":[" + attract.get("id") + "," + market.get("id") + "," + park.get("id") + "]}")
                .post(base + "/publish").then().statusCode(200).body("created", equalTo(1)).extract().jsonPath();
        assertEquals(attractTask, second.getLong("items.find { it.draftId == " + attract.get("id") + " }.taskId"));
        assertEquals(false, second.getBoolean("items.find { it.draftId == " + attract.get("id") + " }.created"));
        long parkTask = second.getLong("items.find { it.draftId == " + park.get("id") + " }.taskId");
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + parkTask).then()
                .body("milestones.title", contains("开工建设占地100亩的智能制造产业园", "投入运营"))
                .body("milestones.dueDate", contains("2026-09-10", "2027-06-30"))
                .body("quantity.value", equalTo(100)).body("quantity.unit", equalTo("亩"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?q=三类500强&orgUnit=" + tree.districtA())
                .then().body("total", equalTo(1));

        // published drafts are the tasks' now
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"version\":0,\"title\":\"改\"}")
                .patch(base + "/drafts/" + attract.get("id")).then()).statusCode(409);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).delete(base + "/drafts/" + attract.get("id"))
                .then()).statusCode(409);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"draftIds\":[999999999]}")
                .post(base + "/publish").then()).statusCode(400).body("errors.field", hasItem("draftIds[0]"));
    }

    @Test
    void twoSupervisorsPublishingTheSameBatchAtOnceMakeEachTaskOnce() throws Exception {
        OrgFixture.Tree tree = orgs.tree();
        JsonPath batch = extracted(tree, "年内新建1处标准化农贸市场。年底前新建2所学校。");
        long id = batch.getLong("id");
        List<Long> draftIds = new ArrayList<>();
        for (Map<String, Object> draft : batch.<Map<String, Object>>getList("drafts")) {
            TestTokens.as("supervisor", tree.districtA()).body("{\"version\":" + draft.get("version")
                    + ",\"suggestedLeadUnitCode\":\"" + tree.a1() + "\"}")
                    .patch("/api/v1/task-drafts/" + id + "/drafts/" + draft.get("id")).then().statusCode(200);
            draftIds.add(((Number) draft.get("id")).longValue());
        }
        assertEquals(2, draftIds.size());
        String body = "{\"draftIds\":" + draftIds + "}";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<JsonPath> publish = () -> TestTokens.as("supervisor", tree.districtA()).body(body)
                    .post("/api/v1/task-drafts/" + id + "/publish").then().statusCode(200).extract().jsonPath();
            Future<JsonPath> a = pool.submit(publish);
            Future<JsonPath> b = pool.submit(publish);
            JsonPath ra = a.get();
            JsonPath rb = b.get();
            assertEquals(2, ra.getInt("created") + rb.getInt("created"), "two tasks made between the two calls");
            assertEquals(ra.getList("items.taskId"), rb.getList("items.taskId"), "both answer with the same tasks");
        } finally {
            pool.shutdownNow();
        }
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?q=农贸市场&orgUnit=" + tree.districtA())
                .then().body("total", equalTo(1));
    }

    @Test
    void onlySupervisorsInScopeWorkOnABatch() {
        OrgFixture.Tree tree = orgs.tree();
        TaskApi.problem(TestTokens.as("department", tree.a1()).body(extract(tree, PLAN))
                .post("/api/v1/task-drafts/extract").then()).statusCode(403);
        TaskApi.problem(TestTokens.as("leader", tree.districtA()).body(extract(tree, PLAN))
                .post("/api/v1/task-drafts/extract").then()).statusCode(403);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).body(extract(tree, PLAN))
                .post("/api/v1/task-drafts/extract").then()).statusCode(400).body("errors.field", hasItem("orgUnitCode"));

        JsonPath batch = extracted(tree, PLAN);
        long id = batch.getLong("id");
        Object draft = batch.getList("drafts.id").get(0);
        var other = TestTokens.as("supervisor", tree.districtB());
        TaskApi.problem(other.get("/api/v1/task-drafts/" + id).then()).statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).body("{\"version\":0,\"title\":\"改\"}")
                .patch("/api/v1/task-drafts/" + id + "/drafts/" + draft).then()).statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).delete("/api/v1/task-drafts/" + id + "/drafts/" + draft)
                .then()).statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).body("{\"draftIds\":[" + draft + "]}")
                .post("/api/v1/task-drafts/" + id + "/publish").then()).statusCode(404);
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/task-drafts").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem((int) id)));
        TaskApi.problem(TestTokens.as("department", tree.a1()).get("/api/v1/task-drafts/" + id).then()).statusCode(403);
        // the city's supervisor covers the district
        TestTokens.as("supervisor", tree.city()).get("/api/v1/task-drafts/" + id).then().statusCode(200);
        TestTokens.as("admin", "ROOT").get("/api/v1/task-drafts/" + id).then().statusCode(200);
    }

    @Test
    void unitKeywordsStartFromTheDepartmentsNamesAndSupervisorsEditThem() {
        OrgFixture.Tree tree = orgs.tree();
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/task-drafts/unit-keywords").then().statusCode(200)
                .body("orgUnitCode", equalTo(tree.districtA())).body("edited", equalTo(false))
                .body("keywords.find { it.keyword == '招商' }.unitCode", equalTo(tree.a3()))
                .body("keywords.find { it.keyword == '投资' }.unitCode", equalTo(tree.a1()))
                .body("keywords.find { it.keyword == '工业' }.unitCode", equalTo(tree.a2()))
                .body("keywords.size()", greaterThan(10));

        String body = "{\"keywords\":[{\"keyword\":\"农贸市场\",\"unitCode\":\"" + tree.a3() + "\"},"
                + "{\"keyword\":\"产业园\",\"unitCode\":\"" + tree.a1() + "\"}]}";
        TestTokens.as("supervisor", tree.districtA()).body(body).put("/api/v1/task-drafts/unit-keywords").then()
                .statusCode(200).body("edited", equalTo(true)).body("version", equalTo(1))
                .body("keywords", hasSize(2)).header("ETag", equalTo("\"1\""));
        JsonPath batch = extracted(tree, PLAN);
        assertEquals(tree.a3(), draftWith(batch, "农贸市场").get("suggestedLeadUnitCode"));
        assertEquals(tree.a1(), draftWith(batch, "智能制造产业园").get("suggestedLeadUnitCode"));
        assertEquals(null, draftWith(batch, "三类500强").get("suggestedLeadUnitCode"), "招引 is no keyword any more");

        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/task-drafts/unit-keywords").then()).statusCode(409);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                .body("{\"keywords\":[{\"keyword\":\"招商\",\"unitCode\":\"" + tree.b1() + "\"}]}")
                .put("/api/v1/task-drafts/unit-keywords").then()).statusCode(400)
                .body("errors.field", hasItem("keywords[0].unitCode"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                .body("{\"keywords\":[{\"keyword\":\" \",\"unitCode\":\"" + tree.a1() + "\"}]}")
                .put("/api/v1/task-drafts/unit-keywords").then()).statusCode(400);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).get("/api/v1/task-drafts/unit-keywords?orgUnit="
                + tree.districtA()).then()).statusCode(400);
        TaskApi.problem(TestTokens.as("department", tree.a1()).get("/api/v1/task-drafts/unit-keywords").then())
                .statusCode(403);
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/task-drafts/unit-keywords").then()
                .body("keywords", hasSize(2)).body("keywords[0].keyword", equalTo("农贸市场"));
    }

    @Test
    void theThreeDistrictPlansReadOverHttpAsTheyDoInTheEngine() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("plans/work-plan-b.txt")) {
            assertNotNull(in);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonPath batch = TestTokens.as("supervisor", tree.districtA())
                .body("{\"text\":" + json(text) + ",\"planDate\":\"2022-08-01\",\"orgUnitCode\":\"" + tree.districtA() + "\"}")
                .post("/api/v1/task-drafts/extract").then().statusCode(201).extract().jsonPath();
        assertTrue(batch.getList("drafts").size() > 30);
        Map<String, Object> lists = draftWith(batch, "拉出单子");
        assertEquals(List.of("2022-08-31", "2022-10-31", "2022-12-31"),
                ((List<Map<String, Object>>) lists.get("milestones")).stream().map(m -> m.get("dueDate")).toList());
        assertEquals("2025-12-31", draftWith(batch, "突破500亿元").get("dueDate"));
        assertThat(batch.getString("title"), text.strip().substring(0, 30) + "…");
    }

    private static void assertThat(String actual, String expected) {
        assertEquals(expected, actual);
    }
}
