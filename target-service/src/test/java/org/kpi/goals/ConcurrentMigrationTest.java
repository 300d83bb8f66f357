package org.kpi.goals;

import org.kpi.testing.contracts.ConcurrentMigrationContract;

/** Replicas of target-service starting together on a new database migrate it once (Flyway's lock). */
class ConcurrentMigrationTest extends ConcurrentMigrationContract {
}
