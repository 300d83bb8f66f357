package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.MalformedMultipart;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachments on progress reports: stored in PostgreSQL, checked by content, read by task readers. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class AttachmentTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    OrgFixture orgs;

    private static RequestSpecification as(String role, String org) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, org))
                .config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")));
    }

    /** A task in progress with one report by the lead; returns the attachments path. */
    private static String reportPath(OrgFixture.Tree tree) {
        long task = TaskApi.inState(tree, "ASSIGNED");
        long report = TestTokens.as("department", tree.a1()).body("{\"text\":\"项目已开工\",\"percentDone\":40}")
                .post("/api/v1/tasks/" + task + "/progress-reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return "/api/v1/tasks/" + task + "/progress-reports/" + report + "/attachments";
    }

    @Test
    void leadUploadsAPdfAndEveryTaskReaderDownloadsIt() {
        OrgFixture.Tree tree = orgs.tree();
        String path = reportPath(tree);
        String href = as("department", tree.a1()).multiPart("file", "开工证明.pdf", PDF, "application/octet-stream")
                .post(path).then().statusCode(201)
                .body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length))
                .body("fileName", equalTo("开工证明.pdf"))
                .extract().path("href");
        byte[] downloaded = as("department", tree.a2()).get(href).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        assertArrayEquals(PDF, downloaded);
        as("leader", tree.city()).get(href).then().statusCode(200);
        as("supervisor", tree.districtA()).get(href).then().statusCode(200);
        TaskApi.problem(as("department", tree.a3()).get(href).then()).statusCode(404);
        TaskApi.problem(as("supervisor", tree.districtB()).get(href).then()).statusCode(404);
        String reports = path.substring(0, path.lastIndexOf("/progress-reports") + "/progress-reports".length());
        TestTokens.as("supervisor", tree.districtA()).get(reports).then()
                .body("items[0].attachments[0].fileName", equalTo("开工证明.pdf"));
    }

    @Test
    void disguisedFilesAreRefusedByContent() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        String path = reportPath(tree);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        TaskApi.problem(as("department", tree.a1()).multiPart("file", "report.pdf", exe, "application/pdf")
                .post(path).then()).statusCode(415).body("type", equalTo("urn:kpi:problem:unsupported-media-type"));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("payload.bin"));
            zip.write(new byte[]{1, 2, 3});
            zip.closeEntry();
        }
        TaskApi.problem(as("department", tree.a1()).multiPart("file", "report.pdf", zipped.toByteArray(),
                "application/pdf").post(path).then()).statusCode(415);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        TaskApi.problem(as("department", tree.a1()).multiPart("file", "report.pdf", png, "application/pdf")
                .post(path).then()).statusCode(415);
        as("department", tree.a1()).multiPart("file", "photo.png", png, "image/png").post(path).then()
                .statusCode(201).body("mediaType", equalTo("image/png"));
    }

    @ParameterizedTest(name = "{0} multipart body is a 400 problem")
    @EnumSource(MalformedMultipart.class)
    void malformedMultipartUploadIs400(MalformedMultipart body) throws Exception {
        OrgFixture.Tree tree = orgs.tree();
        assertMalformed(body.post(reportPath(tree), TestTokens.token("department", tree.a1())));
        assertMalformed(body.post("/api/v1/tasks/import", TestTokens.token("supervisor", tree.districtA())));
    }

    @Test
    void uploadForATaskOutOfScopeIsRefusedBeforeItsBodyIsRead() throws Exception {
        OrgFixture.Tree tree = orgs.tree();
        String path = reportPath(tree);
        // an unterminated body would be a 400 if it were read: the 404 shows access was checked first
        HttpResponse<String> outside = MalformedMultipart.UNTERMINATED.post(path, TestTokens.token("department", tree.b1()));
        assertEquals(404, outside.statusCode(), outside.body());
        assertTrue(outside.body().contains("urn:kpi:problem:not-found"), outside.body());
        HttpResponse<String> notParticipant = MalformedMultipart.UNTERMINATED.post(path,
                TestTokens.token("department", tree.a3()));
        assertEquals(404, notParticipant.statusCode(), notParticipant.body());
        HttpResponse<String> otherUnit = MalformedMultipart.UNTERMINATED.post(path,
                TestTokens.token("department", tree.a2()));
        assertEquals(403, otherUnit.statusCode(), otherUnit.body());
    }

    private static void assertMalformed(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("urn:kpi:problem:malformed-body"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void attachmentsOverTenMebibytesAre413() {
        OrgFixture.Tree tree = orgs.tree();
        String path = reportPath(tree);
        byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        TaskApi.problem(as("department", tree.a1()).multiPart("file", "big.pdf", big, "application/pdf")
                .post(path).then()).statusCode(413);
    }

    @Test
    void onlyTheReportingUnitAttaches() {
        OrgFixture.Tree tree = orgs.tree();
        String path = reportPath(tree);
        TaskApi.problem(as("department", tree.a2()).multiPart("file", "x.pdf", PDF, "application/pdf").post(path)
                .then()).statusCode(403);
        TaskApi.problem(as("department", tree.a3()).multiPart("file", "x.pdf", PDF, "application/pdf").post(path)
                .then()).statusCode(404);
        TaskApi.problem(as("supervisor", tree.districtA()).multiPart("file", "x.pdf", PDF, "application/pdf")
                .post(path).then()).statusCode(403);
        TaskApi.problem(as("department", tree.a1()).multiPart("other", "x.pdf", PDF, "application/pdf").post(path)
                .then()).statusCode(400);
    }
}
