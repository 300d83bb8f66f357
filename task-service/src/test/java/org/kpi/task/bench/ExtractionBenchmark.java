package org.kpi.task.bench;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.task.OrgFixture;
import org.kpi.task.drafts.extraction.CommitmentExtractor;
import org.kpi.task.drafts.extraction.Lexicon;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmark, not a test of speed: run with {@code ./mvnw -o -B -Pbench -pl task-service verify}.
 * A plan of 20,000 characters (the three district plans, repeated) read for drafts: the extractor
 * alone, and {@code POST /api/v1/task-drafts/extract} over HTTP (reading, suggesting units and
 * saving the batch). Reports the first call (HanLP's dictionaries load then) and the median of
 * {@value #RUNS} calls after {@value #WARMUP} warm-up calls; figures in {@code target/bench/extraction.txt}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ExtractionBenchmark {

    static final int LENGTH = 20_000;
    static final int WARMUP = 10;
    static final int RUNS = 21;
    static final LocalDate PLAN_DATE = LocalDate.of(2022, 8, 1);

    @Inject
    OrgFixture orgs;

    @Test
    void extractsATwentyThousandCharacterPlan() throws IOException {
        String plan = plan();
        StringBuilder report = new StringBuilder(String.format("plan of %,d characters; %d cores, Java %s%n",
                plan.length(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));

        CommitmentExtractor extractor = new CommitmentExtractor(Lexicon.standard());
        long cold = System.nanoTime();
        int drafts = extractor.extract(plan, PLAN_DATE).size();
        report.append(String.format("engine, first call (dictionaries load): %.0f ms, %d drafts%n", ms(cold), drafts));
        for (int i = 0; i < WARMUP; i++) {
            extractor.extract(plan, PLAN_DATE);
        }
        List<Double> engine = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            extractor.extract(plan, PLAN_DATE);
            engine.add(ms(start));
        }
        report.append(String.format("engine: median %.1f ms (min %.1f, max %.1f) over %d runs%n", median(engine),
                Collections.min(engine), Collections.max(engine), RUNS));

        OrgFixture.Tree tree = orgs.tree();
        String body = "{\"text\":" + json(plan) + ",\"planDate\":\"" + PLAN_DATE + "\",\"orgUnitCode\":\""
                + tree.districtA() + "\"}";
        for (int i = 0; i < WARMUP; i++) {
            post(tree, body);
        }
        List<Double> http = new ArrayList<>();
        int saved = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            saved = post(tree, body).getList("drafts").size();
            http.add(ms(start));
        }
        report.append(String.format("POST /api/v1/task-drafts/extract: median %.1f ms (min %.1f, max %.1f) over %d runs,"
                + " %d drafts saved per batch%n", median(http), Collections.min(http), Collections.max(http), RUNS, saved));
        System.out.println(report);
        Path out = Path.of("target/bench/extraction.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(drafts > 100 && saved == drafts, report.toString());
    }

    private static JsonPath post(OrgFixture.Tree tree, String body) {
        return TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/task-drafts/extract").then()
                .statusCode(201).extract().jsonPath();
    }

    /** The three district plans, one after another, repeated until the text is {@value #LENGTH} characters. */
    private static String plan() throws IOException {
        List<String> plans = new ArrayList<>();
        for (String name : List.of("work-plan-a", "work-plan-b", "work-plan-c")) {
            try (InputStream in = ExtractionBenchmark.class.getClassLoader().getResourceAsStream("plans/" + name + ".txt")) {
                plans.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < LENGTH; i++) {
            text.append(plans.get(i % plans.size())).append('\n');
        }
        return text.substring(0, LENGTH);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
