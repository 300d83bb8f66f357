package org.kpi.goals.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults of the colour rules; an indicator may override the tolerance. */
@ConfigMapping(prefix = "kpi.progress")
public interface ProgressConfig {

    /** How far behind schedule (ratio points: 0.10 = ten percentage points) still counts as YELLOW. */
    @WithDefault("0.10")
    double yellowTolerance();
}
