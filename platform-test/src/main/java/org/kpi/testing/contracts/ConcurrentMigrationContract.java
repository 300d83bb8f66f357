package org.kpi.testing.contracts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several replicas of a service starting together on one new database migrate it once: each runs
 * Flyway at start (as {@code quarkus.flyway.migrate-at-start} does, with the service's own
 * locations), Flyway's lock on PostgreSQL makes the others wait, and they find the schema
 * current. Each service's test class extends this; it needs no running service.
 */
public abstract class ConcurrentMigrationContract {

    private static final int REPLICAS = 3;

    @Test
    public void replicasStartingTogetherOnANewDatabaseMigrateItOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            CyclicBarrier together = new CyclicBarrier(REPLICAS);
            ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
            List<Future<MigrateResult>> results = new ArrayList<>();
            try {
                for (int i = 0; i < REPLICAS; i++) {
                    results.add(replicas.submit(() -> {
                        Flyway flyway = Flyway.configure().dataSource(database)
                                .locations("classpath:db/platform", "classpath:db/migration").outOfOrder(true).load();
                        together.await(30, TimeUnit.SECONDS);
                        return flyway.migrate();
                    }));
                }
                int executed = 0;
                int replicasThatMigrated = 0;
                for (Future<MigrateResult> result : results) {
                    MigrateResult migrated = result.get(2, TimeUnit.MINUTES);
                    assertTrue(migrated.success, "every replica starts");
                    executed += migrated.migrationsExecuted;
                    replicasThatMigrated += migrated.migrationsExecuted > 0 ? 1 : 0;
                }
                assertEquals(1, replicasThatMigrated, "one replica migrates, the others find the schema current");
                try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                    ResultSet twice = statement.executeQuery(
                            "select count(*) from flyway_schema_history where version is not null group by version having count(*) > 1");
                    assertTrue(!twice.next(), "no version applied twice");
                    ResultSet applied = statement.executeQuery(
                            "select count(*) from flyway_schema_history where success and version is not null");
                    applied.next();
                    assertEquals(executed, applied.getInt(1), "each migration ran exactly once");
                    assertTrue(executed > 1, "the service has migrations");
                }
            } finally {
                replicas.shutdownNow();
            }
        }
    }
}
