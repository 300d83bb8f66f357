package org.kpi.notify;

import org.kpi.testing.contracts.ConcurrentMigrationContract;

/** Replicas of notify-service starting together on a new database migrate it once (Flyway's lock). */
class ConcurrentMigrationTest extends ConcurrentMigrationContract {
}
