package org.kpi.common;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;
import org.kpi.common.problem.Problem;
import org.kpi.common.problem.ProblemMappers;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Database refusals that slip past the services' own checks are 4xx problems, never a 500 with SQL in it. */
class ProblemMappersTest {

    @Test
    void uniqueConstraintRaceIsAConflict() {
        SQLException sql = new SQLException("duplicate key value violates unique constraint org_unit_pkey", "23505");
        Response response = new ProblemMappers().databaseConstraint(
                new ConstraintViolationException("could not execute statement", sql, "insert into org_unit ...", "org_unit_pkey"));
        assertEquals(409, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("urn:kpi:problem:conflict", problem.type());
        assertFalse(problem.detail().contains("org_unit"));
    }

    @Test
    void valueTheDatabaseCannotStoreIsBadInput() {
        SQLException sql = new SQLException("value too long for type character varying(100)", "22001");
        Response response = new ProblemMappers().databaseData(new DataException("could not execute statement", sql));
        assertEquals(400, response.getStatus());
        assertFalse(((Problem) response.getEntity()).detail().contains("varying"));
    }
}
