package org.kpi.common;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpi.common.problem.Problem;
import org.kpi.common.problem.ProblemMappers;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Database refusals that slip past the services' own checks are mapped by SQLState: a unique
 * violation (a concurrent duplicate) is a 409; any other constraint is a bug, a logged 500.
 * Neither ever carries SQL or a constraint name to the client.
 */
class ProblemMappersTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(ProblemMappers.class.getName());

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    private static ConstraintViolationException violation(String sqlState, String message, String constraint) {
        return new ConstraintViolationException("could not execute statement",
                new SQLException(message, sqlState), "insert into org_unit ...", constraint);
    }

    @Test
    void uniqueViolationIsAConflict() {
        Response response = new ProblemMappers().databaseConstraint(
                violation("23505", "duplicate key value violates unique constraint org_unit_pkey", "org_unit_pkey"));
        assertEquals(409, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("urn:kpi:problem:conflict", problem.type());
        assertFalse(problem.detail().contains("org_unit"));
        assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()));
    }

    @Test
    void uniqueViolationSurfacingAtCommitIsAConflictToo() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(violation("23505", "duplicate key value violates unique constraint target_key", "target_key"));
        Response response = new ProblemMappers().unexpected(commit);
        assertEquals(409, response.getStatus());
        assertEquals("urn:kpi:problem:conflict", ((Problem) response.getEntity()).type());
    }

    @ParameterizedTest(name = "SQLState {0} is a bug: 500 with an incident id, logged at ERROR")
    @CsvSource({
        "23503, insert or update on table task violates foreign key constraint task_org_fk, task_org_fk",
        "23514, new row for relation target violates check constraint target_year_check, target_year_check",
        "23502, null value in column name of relation org_unit violates not-null constraint, org_unit_name",
    })
    void otherConstraintViolationsAreBugs(String sqlState, String message, String constraint) {
        Response response = new ProblemMappers().databaseConstraint(violation(sqlState, message, constraint));
        assertEquals(500, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("urn:kpi:problem:internal", problem.type());
        assertTrue(problem.detail().contains("事件编号"), problem.detail());
        assertFalse(problem.detail().contains(constraint));
        String incident = problem.detail().substring(problem.detail().lastIndexOf(' ') + 1);
        LogRecord error = logged.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .findFirst().orElse(null);
        assertNotNull(error, "the bug is logged at ERROR");
        assertNotNull(error.getThrown(), "with its stack trace");
        String text = error.getMessage() + " " + Arrays.toString(error.getParameters());
        assertTrue(text.contains(incident), "the log names the incident " + incident + ": " + text);
    }

    @Test
    void valueTheDatabaseCannotStoreIsBadInputButLoggedAsAMissingCheck() {
        SQLException sql = new SQLException("value too long for type character varying(100)", "22001");
        Response response = new ProblemMappers().databaseData(new DataException("could not execute statement", sql));
        assertEquals(400, response.getStatus());
        assertFalse(((Problem) response.getEntity()).detail().contains("varying"));
        assertTrue(logged.stream().anyMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()));
    }
}
