package org.kpi.common.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Caps shared by every .xlsx ledger (台账) import and export. */
@ConfigMapping(prefix = "kpi.ledger")
public interface LedgerLimits {

    /** Most data rows one import accepts and one export writes; a larger export is refused, never cut. */
    @WithDefault("10000")
    int maxRows();

    /** Largest workbook an import accepts, in bytes (10 MiB). */
    @WithDefault("10485760")
    long maxFileBytes();

    /** Rows written per batch of an import; the persistence context is flushed and cleared after each. */
    @WithDefault("200")
    int batchSize();

    /** Longest an import's write transaction may take before it is rolled back. */
    @WithDefault("300S")
    Duration writeTimeout();
}
