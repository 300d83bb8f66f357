package org.kpi.task;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of task-service. */
@ConfigMapping(prefix = "kpi.task")
public interface TaskConfig {

    /** Days before a task or milestone is due from which an open task shows YELLOW. */
    @WithDefault("3")
    int dueSoonDays();

    /** Days overdue up to which a task is YELLOW; beyond it turns RED. */
    @WithDefault("7")
    int redAfterDays();

    /** Working days after assignment within which the lead and co-units sign for a task (签收). */
    @WithDefault("2")
    int signForDays();

    /**
     * How often the republishing job looks whether this payload generation of {@code task.upserted}
     * has been published for every task ({@code off} in tests, which run it themselves).
     */
    @WithDefault("10m")
    String republishEvery();

    /** Largest attachment on a progress report, in bytes (10 MiB). */
    @WithDefault("10485760")
    long maxAttachmentBytes();

    /** Task drafts extracted from plans (任务分解). */
    Drafts drafts();

    interface Drafts {

        /** Longest plan text read for drafts, in characters (a long district plan has 20 000–50 000). */
        @WithDefault("200000")
        int maxTextLength();

        /** Largest plan file (.docx or .txt) uploaded for drafts, in bytes (10 MiB). */
        @WithDefault("10485760")
        long maxFileBytes();
    }
}
