package org.kpi.task;

import org.kpi.testing.contracts.ConcurrentMigrationContract;

/** Replicas of task-service starting together on a new database migrate it once (Flyway's lock). */
class ConcurrentMigrationTest extends ConcurrentMigrationContract {
}
