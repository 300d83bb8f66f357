package org.kpi.notify.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kpi.common.events.Backoff;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.messages.DigestMessage;
import org.kpi.notify.messages.DigestRenderer;
import org.kpi.notify.policies.PolicyBook;
import org.kpi.notify.policies.PolicyService;
import org.kpi.notify.policies.QuietWindow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The delivery worker (投递): claims due deliveries in the database, sends them in parallel and
 * writes back what happened — sent, to be retried after an exponential back-off with jitter
 * (pushed past the unit's quiet hours), or dead after the configured number of attempts. Every
 * replica runs it; claims ({@code FOR UPDATE SKIP LOCKED} with a lease) keep two workers off the
 * same delivery, and a worker that dies leaves its claims to be taken over when the lease ends.
 * Sending is at-least-once: every attempt of a delivery carries the same idempotency key.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Throttled messages wait a little past the robot's free slot, so replicas do not all try at once. */
    private static final Duration JITTER = Duration.ofSeconds(3);
    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
    };

    @Inject
    DeliveryStore store;

    @Inject
    NotifyConfig config;

    @Inject
    RecipientChannels channels;

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    PolicyService policies;

    @Inject
    DigestRenderer digests;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    RobotThrottle throttle;

    @Inject
    SmsQuota smsQuota;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private final Map<ChannelType, ChannelSender> byType = new EnumMap<>(ChannelType.class);
    private ExecutorService pool;
    private Backoff backoff;

    /** What one or more rounds did. */
    public record DrainResult(int claimed, int sent, int retrying, int dead, int cancelled) {

        static final DrainResult NONE = new DrainResult(0, 0, 0, 0, 0);

        DrainResult plus(DrainResult other) {
            return new DrainResult(claimed + other.claimed, sent + other.sent, retrying + other.retrying,
                    dead + other.dead, cancelled + other.cancelled);
        }
    }

    @PostConstruct
    void start() {
        for (ChannelSender sender : senders) {
            byType.put(sender.type(), sender);
        }
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.delivery().parallelism(), task -> {
            Thread thread = new Thread(task, "delivery-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        backoff = new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Scheduled(every = "${kpi.notify.delivery-interval:5s}", identity = "notify-delivery",
            delayed = "${kpi.jobs.start-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        DrainResult result = drain();
        if (result.claimed() > 0) {
            LOG.infof("Deliveries: %d sent, %d to retry, %d dead, %d cancelled", result.sent(), result.retrying(),
                    result.dead(), result.cancelled());
        }
    }

    /**
     * Rounds until nothing more is due, or for at most half a lease, so one busy replica does not
     * hold the scheduler while others share the work; then refreshes the backlog gauge.
     */
    public DrainResult drain() {
        long deadline = System.nanoTime() + config.delivery().lease().toNanos() / 2;
        DrainResult total = DrainResult.NONE;
        DrainResult last;
        do {
            last = round();
            total = total.plus(last);
        } while (last.claimed() >= config.delivery().batchSize() && System.nanoTime() < deadline);
        metrics.observeBacklog();
        return total;
    }

    /** One round: claim a batch, send it, write the outcomes. */
    public DrainResult round() {
        List<ClaimedDelivery> claimed = store.claim(config.delivery().batchSize(), config.delivery().lease());
        if (claimed.isEmpty()) {
            return DrainResult.NONE;
        }
        Supplier<PolicyBook> book = memo(policies::book);
        // a round reads each channel's current settings (the secret) once
        Map<String, Optional<ContactChannel>> found = new ConcurrentHashMap<>();
        List<CompletableFuture<List<DeliveryOutcome>>> sends = new ArrayList<>();
        for (List<ClaimedDelivery> unit : sendUnits(claimed)) {
            sends.add(CompletableFuture.supplyAsync(() -> attempt(unit, book, found), pool));
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>(claimed.size());
        // an answer that comes later than this is left to the lease: the delivery is claimed again
        long deadline = System.nanoTime() + config.delivery().lease().toNanos() * 3 / 4;
        for (CompletableFuture<List<DeliveryOutcome>> send : sends) {
            try {
                outcomes.addAll(send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                LOG.warn("A send outlasted three quarters of the lease; its delivery is left to be claimed again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.error("A send failed outside its error handling", e.getCause());
            }
        }
        store.complete(outcomes);
        metrics.count(outcomes);
        int[] counts = new int[4];
        for (DeliveryOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case SENT -> counts[0]++;
                case RETRYING -> counts[1]++;
                case DEAD -> counts[2]++;
                default -> counts[3]++;
            }
        }
        return new DrainResult(claimed.size(), counts[0], counts[1], counts[2], counts[3]);
    }

    /** Each delivery alone, except a digest group, which is sent as one message. */
    private static List<List<ClaimedDelivery>> sendUnits(List<ClaimedDelivery> claimed) {
        Map<Object, List<ClaimedDelivery>> units = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : claimed) {
            Object key = delivery.digestGroup() == null ? delivery.id() : delivery.digestGroup();
            units.computeIfAbsent(key, k -> new ArrayList<>()).add(delivery);
        }
        return new ArrayList<>(units.values());
    }

    private List<DeliveryOutcome> attempt(List<ClaimedDelivery> unit, Supplier<PolicyBook> book,
                                          Map<String, Optional<ContactChannel>> found) {
        ClaimedDelivery head = unit.get(0);
        ChannelSender sender = byType.get(head.channel());
        if (sender == null) {
            return each(unit, d -> DeliveryOutcome.dead(d, "本服务尚不支持" + head.channel() + "渠道，请改用其他联系方式"));
        }
        Optional<ContactChannel> channel = found.computeIfAbsent(
                head.orgUnitCode() + "\u0000" + head.channel() + "\u0000" + head.address(),
                k -> channels.find(head.orgUnitCode(), head.channel(), head.address()));
        if (channel.isEmpty()) {
            return each(unit, d -> DeliveryOutcome.cancelled(d, "该联系方式已删除，未发送"));
        }
        OutboundMessage message = message(unit);
        LocalDate today = LocalDate.now(clock);
        boolean sms = head.channel() == ChannelType.SMS;
        if (sms && !smsQuota.take(head.orgUnitCode(), today, book.get().effective(head.orgUnitCode()).sms().dailyCap())) {
            return each(unit, d -> DeliveryOutcome.cancelled(d, "今日发给本单位的短信已达上限（"
                    + book.get().effective(head.orgUnitCode()).sms().dailyCap() + " 条），本条未发短信，其他渠道照常"));
        }
        if (throttle.throttles(head.channel())) {
            Optional<Instant> notBefore = throttle.acquire(head.channel(), head.address(), sender.posts(message));
            if (notBefore.isPresent()) {
                Instant later = notBefore.get().plusMillis(ThreadLocalRandom.current().nextLong(JITTER.toMillis()));
                return each(unit, d -> DeliveryOutcome.throttled(d, later));
            }
        }
        try {
            sender.send(channel.get(), message);
            return each(unit, DeliveryOutcome::sent);
        } catch (DeliveryFailure failure) {
            LOG.warnf("Delivery %d on %s failed (%s): %s%s", head.id(), head.channel(), failure.outcome(),
                    failure.getMessage(), failure.getCause() == null ? "" : " — " + failure.getCause());
            if (sms) {
                smsQuota.giveBack(head.orgUnitCode(), today);
            }
            if (failure.outcome() == DeliveryFailure.Outcome.RETRY_AFTER && failure.retryAfter() != null) {
                throttle.block(head.channel(), head.address(), clock.instant().plus(failure.retryAfter()));
            }
            return each(unit, d -> failed(d, failure, book));
        } catch (RuntimeException e) {
            if (sms) {
                smsQuota.giveBack(head.orgUnitCode(), today);
            }
            LOG.errorf(e, "Delivery %d on %s failed unexpectedly", head.id(), head.channel());
            DeliveryFailure failure = DeliveryFailure.retry("发送时出现内部错误，稍后重试", e);
            return each(unit, d -> failed(d, failure, book));
        }
    }

    private DeliveryOutcome failed(ClaimedDelivery delivery, DeliveryFailure failure, Supplier<PolicyBook> book) {
        if (failure.outcome() == DeliveryFailure.Outcome.PERMANENT) {
            return DeliveryOutcome.dead(delivery, failure.getMessage());
        }
        if (delivery.attempt() >= config.delivery().maxAttempts()) {
            return DeliveryOutcome.dead(delivery, failure.getMessage() + "（已尝试 " + delivery.attempt() + " 次，不再重试）");
        }
        Duration wait = failure.outcome() == DeliveryFailure.Outcome.RETRY_AFTER && failure.retryAfter() != null
                ? failure.retryAfter() : backoff.delayAfter(delivery.attempt());
        Instant next = clock.instant().plus(wait);
        if (delivery.channel() != ChannelType.INBOX) {
            next = QuietWindow.release(next, book.get().effective(delivery.orgUnitCode()).quietHours(), clock.getZone());
        }
        return DeliveryOutcome.retrying(delivery, failure.getMessage(), next);
    }

    private OutboundMessage message(List<ClaimedDelivery> unit) {
        ClaimedDelivery head = unit.get(0);
        if (unit.size() == 1) {
            return new OutboundMessage(head.id(), head.idempotencyKey(), head.orgUnitCode(), head.title(), head.body(),
                    head.link(), facts(head), head.createdAt());
        }
        String group = head.digestGroup();
        LocalDate day = LocalDate.parse(group.substring(group.lastIndexOf('|') + 1));
        List<DigestMessage.Item> items = unit.stream().map(d -> new DigestMessage.Item(d.title(), d.link())).toList();
        DigestRenderer.Rendered digest = digests.render(day, items);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("digest", true);
        facts.put("day", day.toString());
        facts.put("deliveryIds", unit.stream().map(ClaimedDelivery::id).toList());
        facts.put("items", unit.stream().map(this::facts).toList());
        return new OutboundMessage(head.id(), head.idempotencyKey(), head.orgUnitCode(), digest.title(), digest.text(),
                digest.link(), facts, head.createdAt());
    }

    private Map<String, Object> facts(ClaimedDelivery delivery) {
        try {
            return mapper.readValue(delivery.factsJson(), FACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Delivery " + delivery.id() + " has unreadable facts", e);
        }
    }

    private static List<DeliveryOutcome> each(List<ClaimedDelivery> unit,
                                              Function<ClaimedDelivery, DeliveryOutcome> outcome) {
        return unit.stream().map(outcome).toList();
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
