package org.kpi.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/** notify-service's settings: where links point, when duties fall due, how deliveries are sent. */
@ConfigMapping(prefix = "kpi.notify")
public interface NotifyConfig {

    /** The web console's public address; links in messages are built on it ({@code {base}/tasks/{id}}). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    Reports reports();

    Delivery delivery();

    Robots robots();

    Sms sms();

    Documents documents();

    /**
     * Issued documents (印发的文件: 周调度清单, 督查通报, 季度分析) that an e-mail notice carries as its
     * attachment: where notify-service fetches them (target-service, with this service's token) and
     * how large an attachment may be.
     */
    interface Documents {
        /**
         * The base URL a document's {@code filePath} is fetched from; by default target-service's
         * address, the one its feed is read at ({@code kpi.feed.sources.target.url}).
         */
        @WithDefault("${kpi.feed.sources.target.url}")
        String fileBaseUrl();

        /** The largest document sent as an e-mail attachment (10 MiB); a larger one goes as the link only. */
        @WithDefault("10485760")
        long maxAttachmentBytes();

        /** Longest wait for one document's download; after it the e-mail's attempt is retried later. */
        @WithDefault("30s")
        Duration fetchTimeout();
    }

    /** The SMS gateway (短信网关): one generic HTTP endpoint that takes a template id, numbers and parameters. */
    interface Sms {
        /** The gateway's URL; without it SMS deliveries fail with a message saying so. */
        Optional<String> url();

        /** The gateway's template for reminders (its text is registered with the SMS provider). */
        @WithDefault("KPI_REMINDER")
        String templateId();

        /** The header that carries the gateway credential. */
        @WithDefault("Authorization")
        String authHeader();

        /** The credential (e.g. {@code Bearer …}); a secret, set through the environment. */
        Optional<String> authValue();

        /** Longest wait for the gateway's answer. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** The group robots' rate limits, with a margin below what each service accepts. */
    interface Robots {
        /** Messages a minute to one DingTalk robot (DingTalk accepts 20, then blocks the robot for ten minutes). */
        @WithDefault("18")
        int dingtalkPerMinute();

        /** Messages a minute to one WeCom robot (WeCom accepts 20). */
        @WithDefault("18")
        int wecomPerMinute();

        /** Messages a minute to one Feishu bot (Feishu accepts 100). */
        @WithDefault("90")
        int feishuPerMinute();

        /** Messages a second to one Feishu bot (Feishu accepts 5). */
        @WithDefault("4")
        int feishuPerSecond();

        /**
         * Robot messages held until the end of quiet hours or the digest hour go out spread over
         * this long after it, so they do not pile up on the hour or half hour.
         */
        @WithDefault("10M")
        Duration spread();
    }

    interface Reports {
        /** The day of the week by which a WEEKLY task's units must have reported (周调度). */
        @WithDefault("FRIDAY")
        DayOfWeek weeklyDueDay();

        /** The day of the month by which a MONTHLY task's units must have reported (月汇总). */
        @WithDefault("25")
        int monthlyDueDay();
    }

    interface Delivery {
        /** Deliveries claimed per round by one worker. */
        @WithDefault("100")
        int batchSize();

        /** Sends in flight at once per worker. */
        @WithDefault("16")
        int parallelism();

        /** How long a claimed delivery is held before another worker may take it over. */
        @WithDefault("2M")
        Duration lease();

        /** Attempts before a delivery is DEAD (with the back-off below, about 12 hours). */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles per attempt, with jitter. */
        @WithDefault("8M")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("8H")
        Duration maxBackoff();

        /** When a unit that asked for a daily digest gets it (Asia/Shanghai). */
        @WithDefault("08:30")
        LocalTime digestAt();
    }
}
