package org.kpi.notify.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.notify.NativeRows;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.contacts.ChannelType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each group robot (钉钉、企业微信、飞书群机器人) inside its rate limits, across every replica:
 * every message posted to a robot is logged in {@code robot_send}, and a worker may post only
 * while the robot's sliding windows (a minute, and a second for Feishu) have room, checked and
 * logged under a per-robot advisory lock. A robot that answered "too fast" is blocked for the
 * window it named ({@code robot_block}), so no replica keeps hammering it.
 */
@ApplicationScoped
public class RobotThrottle {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Inject
    EntityManager em;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    /** A robot's limits, with the configured margin already taken off. */
    record Limits(int perMinute, int perSecond) {
    }

    /** Whether posts on {@code type} are throttled at all. */
    public boolean throttles(ChannelType type) {
        return limits(type) != null;
    }

    /**
     * Takes {@code posts} slots of the robot at {@code address} now; empty when taken, else the
     * earliest instant at which they may be (the caller tries again then, without counting an
     * attempt).
     */
    public Optional<Instant> acquire(ChannelType type, String address, int posts) {
        Limits limits = limits(type);
        if (limits == null) {
            return Optional.empty();
        }
        String key = key(type, address);
        Instant now = clock.instant();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))").setParameter("key", key).getSingleResult();
            List<?> blocked = em.createNativeQuery("select blocked_until from robot_block where robot_key = :key "
                    + "and blocked_until > :now").setParameter("key", key).setParameter("now", at).getResultList();
            if (!blocked.isEmpty()) {
                return Optional.of(NativeRows.timestamp(blocked.get(0), ZoneOffset.UTC).toInstant());
            }
            em.createNativeQuery("delete from robot_send where robot_key = :key and sent_at <= :since")
                    .setParameter("key", key).setParameter("since", at.minus(MINUTE)).executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object> sent = em.createNativeQuery("select sent_at from robot_send where robot_key = :key "
                    + "order by sent_at").setParameter("key", key).getResultList();
            List<Instant> times = sent.stream().map(t -> NativeRows.timestamp(t, ZoneOffset.UTC).toInstant()).toList();
            Instant free = freeAt(times, posts, limits.perMinute(), MINUTE, now);
            if (limits.perSecond() > 0) {
                List<Instant> lastSecond = times.stream().filter(t -> t.isAfter(now.minus(SECOND))).toList();
                Instant freeSecond = freeAt(lastSecond, posts, limits.perSecond(), SECOND, now);
                free = free == null || freeSecond != null && freeSecond.isAfter(free) ? freeSecond : free;
            }
            if (free != null) {
                return Optional.of(free);
            }
            for (int i = 0; i < posts; i++) {
                em.createNativeQuery("insert into robot_send (robot_key, sent_at) values (:key, :now)")
                        .setParameter("key", key).setParameter("now", at).executeUpdate();
            }
            return Optional.<Instant>empty();
        });
    }

    /** Blocks the robot until {@code until} (it said it was rate-limited). */
    public void block(ChannelType type, String address, Instant until) {
        if (limits(type) == null) {
            return;
        }
        String key = key(type, address);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into robot_block (robot_key, blocked_until) values (:key, :until)
                        on conflict (robot_key) do update set blocked_until = greatest(robot_block.blocked_until,
                            excluded.blocked_until)""")
                .setParameter("key", key)
                .setParameter("until", until.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    /**
     * {@code null} when {@code posts} more fit in the window of {@code length} ending now, given the
     * posts {@code sent} (oldest first); else when enough of them will have left it.
     */
    static Instant freeAt(List<Instant> sent, int posts, int limit, Duration length, Instant now) {
        List<Instant> window = sent.stream().filter(t -> t.isAfter(now.minus(length))).toList();
        // a message of more posts than the limit goes once the window is empty, alone
        int need = Math.min(posts, limit);
        int leaving = window.size() + need - limit;
        return leaving <= 0 ? null : window.get(leaving - 1).plus(length);
    }

    private Limits limits(ChannelType type) {
        NotifyConfig.Robots robots = config.robots();
        return switch (type) {
            case DINGTALK -> new Limits(robots.dingtalkPerMinute(), 0);
            case WECOM -> new Limits(robots.wecomPerMinute(), 0);
            case FEISHU -> new Limits(robots.feishuPerMinute(), robots.feishuPerSecond());
            default -> null;
        };
    }

    /** The robot's key: its type and a digest of its URL (the URL carries the robot's access token). */
    static String key(ChannelType type, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return type.name() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
