package org.kpi.task.drafts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kpi.task.drafts.extraction.Commitment;
import org.kpi.task.drafts.extraction.CommitmentExtractor;
import org.kpi.task.drafts.extraction.Lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extractor against the three district plans in {@code src/test/resources/plans}, each with a
 * hand-made list of the commitments a supervisor would put in the ledger ({@code *.expected.txt}).
 * A draft matches an expectation when its source text contains the expectation's anchor (in
 * document order, each used once). Prints every draft and every miss, recall and precision, and
 * how many matched drafts have the expected due date and quantity.
 */
class PlanExtractionTest {

    private static final double MIN_RECALL = 0.85;
    private static final double MIN_PRECISION = 0.75;
    private static final double MIN_FIELDS_RIGHT = 0.90;

    private final CommitmentExtractor extractor = new CommitmentExtractor(Lexicon.standard());

    /** One line of an expectation file. */
    record Expected(String anchor, LocalDate due, String quantity, List<LocalDate> milestones) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"work-plan-a", "work-plan-b", "work-plan-c"})
    void findsTheCommitmentsASupervisorWouldList(String plan) throws IOException {
        String text = read("plans/" + plan + ".txt");
        List<String> lines = read("plans/" + plan + ".expected.txt").lines().toList();
        LocalDate planDate = LocalDate.parse(lines.stream().filter(l -> l.startsWith("# planDate:"))
                .findFirst().orElseThrow().substring("# planDate:".length()).strip());
        List<Expected> expected = expectations(lines);
        List<Commitment> drafts = extractor.extract(text, planDate);

        int[] matchOf = new int[expected.size()];
        Arrays.fill(matchOf, -1);
        boolean[] used = new boolean[drafts.size()];
        for (int e = 0; e < expected.size(); e++) {
            for (int d = 0; d < drafts.size(); d++) {
                if (!used[d] && drafts.get(d).sourceText().contains(expected.get(e).anchor())) {
                    used[d] = true;
                    matchOf[e] = d;
                    break;
                }
            }
        }
        int matched = 0;
        int fieldsRight = 0;
        StringBuilder report = new StringBuilder("\n== " + plan + " (planDate " + planDate + ")\n");
        for (int d = 0; d < drafts.size(); d++) {
            Commitment c = drafts.get(d);
            report.append(String.format("%s [%d] %.2f | %s | due %s%s | qty %s | %s%n", used[d] ? "  " : "FP", d,
                    c.confidence(), c.category(), c.dueDate(), c.milestones().isEmpty() ? "" : " " + c.milestones(),
                    quantity(c.quantity()), c.title()));
        }
        for (int e = 0; e < expected.size(); e++) {
            Expected x = expected.get(e);
            if (matchOf[e] < 0) {
                report.append("MISSED ").append(x.anchor()).append('\n');
                continue;
            }
            matched++;
            Commitment c = drafts.get(matchOf[e]);
            boolean dueRight = Objects.equals(x.due(), c.dueDate());
            boolean quantityRight = x.quantity().equals(quantity(c.quantity()));
            boolean milestonesRight = x.milestones().isEmpty()
                    || x.milestones().equals(c.milestones().stream().map(Commitment.Milestone::dueDate).toList());
            if (dueRight && quantityRight && milestonesRight) {
                fieldsRight++;
            } else {
                report.append(String.format("WRONG  %s: due %s (expected %s), qty %s (expected %s), milestones %s (expected %s)%n",
                        x.anchor(), c.dueDate(), x.due(), quantity(c.quantity()), x.quantity(),
                        c.milestones().stream().map(Commitment.Milestone::dueDate).toList(), x.milestones()));
            }
        }
        double recall = matched / (double) expected.size();
        double precision = drafts.isEmpty() ? 0 : matched / (double) drafts.size();
        double right = matched == 0 ? 0 : fieldsRight / (double) matched;
        report.append(String.format("recall %.2f (%d of %d), precision %.2f (%d of %d drafts), "
                        + "due date and quantity right %.2f (%d of %d matched)%n",
                recall, matched, expected.size(), precision, matched, drafts.size(), right, fieldsRight, matched));
        System.out.println(report);
        assertTrue(recall >= MIN_RECALL, plan + ": recall " + recall + report);
        assertTrue(precision >= MIN_PRECISION, plan + ": precision " + precision + report);
        assertTrue(right >= MIN_FIELDS_RIGHT, plan + ": due dates and quantities right " + right + report);
    }

    /** A quantity as the expectation files write it: {@code 5 个 以上}, {@code masked 亿元}, {@code -}. */
    static String quantity(Commitment.Quantity q) {
        if (q == null) {
            return "-";
        }
        String value = q.masked() ? "masked" : plain(q.value());
        return (value + " " + q.unit() + (q.qualifier() == null ? "" : " " + q.qualifier())).strip();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static List<Expected> expectations(List<String> lines) {
        List<Expected> expected = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|");
            String due = parts[1].strip();
            List<LocalDate> milestones = parts.length > 3
                    ? Arrays.stream(parts[3].split(",")).map(String::strip).map(LocalDate::parse).toList() : List.of();
            expected.add(new Expected(parts[0].strip(), "-".equals(due) ? null : LocalDate.parse(due), parts[2].strip(),
                    milestones));
        }
        return expected;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PlanExtractionTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
