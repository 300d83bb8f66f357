package org.kpi.common.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.jboss.logging.Logger;
import org.kpi.common.problem.CellError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How both ledgers import a workbook: parse it with no transaction open, check the rows in a short
 * read, then write everything in one transaction bounded by {@link LedgerLimits#writeTimeout()} —
 * all or nothing, and no lock held while the file is read.
 */
public final class LedgerImport {

    private static final Logger LOG = Logger.getLogger(LedgerImport.class);
    private static final long MILLIS = 1_000_000;

    private LedgerImport() {
    }

    /** Runs the three phases and logs how long each took. */
    public static <R, P, T> T run(String ledger, LedgerLimits limits, Supplier<List<R>> parse,
                                  Function<List<R>, P> check, Function<P, T> write) {
        long started = System.nanoTime();
        List<R> rows = parse.get();
        long parsed = System.nanoTime();
        P plan = QuarkusTransaction.requiringNew().call(() -> check.apply(rows));
        long checked = System.nanoTime();
        T result = QuarkusTransaction.requiringNew()
                .timeout((int) limits.writeTimeout().toSeconds()).call(() -> write.apply(plan));
        LOG.infof("%s import of %d rows: parsed in %d ms, checked in %d ms, written in %d ms", ledger, rows.size(),
                (parsed - started) / MILLIS, (checked - parsed) / MILLIS, (System.nanoTime() - checked) / MILLIS);
        return result;
    }

    /**
     * The data rows below {@code header}, blank ones skipped, each parsed; more than
     * {@link LedgerLimits#maxRows()} is a 413 and none at all a 422 saying {@code noRows}.
     */
    public static <R> List<R> dataRows(Sheet sheet, Row header, LedgerLimits limits, Predicate<Row> blank,
                                       Function<Row, R> parse, String noRows) {
        List<R> rows = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank.test(row)) {
                continue;
            }
            if (rows.size() >= limits.maxRows()) {
                throw LedgerProblems.tooManyRows(limits.maxRows());
            }
            rows.add(parse.apply(row));
        }
        if (rows.isEmpty()) {
            throw LedgerProblems.invalidCells(List.of(new CellError(2, "", noRows)));
        }
        return rows;
    }
}
