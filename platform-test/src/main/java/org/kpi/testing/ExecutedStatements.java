package org.kpi.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the SQL statements PostgreSQL executes while an action runs, from the server's own
 * counters ({@code pg_stat_statements}, preloaded by {@link PostgresResource}): every statement
 * sent over JDBC to the service's database, whether Hibernate or plain JDBC sent it. Nothing
 * else may write to the database meanwhile (scheduled jobs are off in the {@code test} profile).
 */
public final class ExecutedStatements {

    private static final String COUNT = "select coalesce(sum(calls), 0) from pg_stat_statements"
            + " where dbid = (select oid from pg_database where datname = current_database())"
            + " and query not like '%pg_stat_statements%'";

    private ExecutedStatements() {
    }

    /** How many statements the database of {@code dataSource} executed while {@code action} ran. */
    public static long during(DataSource dataSource, Runnable action) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
            action.run();
            try (ResultSet rs = statement.executeQuery(COUNT)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting executed statements failed", e);
        }
    }
}
