package org.kpi.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Lists parked events and replays them through the same handlers the feed uses. */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);
    static final String ENTITY = "feed-dead-letter";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    FeedConsumer consumer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public PageResult<DeadLetterView> list(String feed, DeadLetter.Status status, PageRequest page) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StringBuilder where = new StringBuilder(" where true");
            if (feed != null) {
                where.append(" and d.feed = :feed");
            }
            if (status != null) {
                where.append(" and d.status = :status");
            }
            var rows = em.createQuery("from DeadLetter d" + where + " order by d.id desc", DeadLetter.class);
            var count = em.createQuery("select count(d) from DeadLetter d" + where, Long.class);
            if (feed != null) {
                rows.setParameter("feed", feed);
                count.setParameter("feed", feed);
            }
            if (status != null) {
                rows.setParameter("status", status);
                count.setParameter("status", status);
            }
            List<DeadLetter> items = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            return PageResult.of(items.stream().map(this::view).toList(), page, count.getSingleResult());
        });
    }

    public DeadLetterView get(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> view(find(id, LockModeType.NONE)));
    }

    /**
     * Applies a parked event again, in one transaction with marking it replayed. Handlers upsert by
     * version, so replaying an event older than what arrived since has no effect but this mark.
     * A replay that fails again keeps the event parked with the new error and answers 422.
     */
    public DeadLetterView replay(long id, String actor) {
        try {
            DeadLetterView replayed = QuarkusTransaction.requiringNew().call(() -> {
                DeadLetter letter = find(id, LockModeType.PESSIMISTIC_WRITE);
                if (letter.status != DeadLetter.Status.PARKED) {
                    throw ProblemException.conflict("该事件已于 " + letter.replayedAt + " 重放，无需再次重放");
                }
                DeadLetterView before = view(letter);
                consumer.dispatch(event(letter));
                letter.status = DeadLetter.Status.REPLAYED;
                letter.attempts++;
                letter.replayedAt = OffsetDateTime.now(clock);
                letter.replayedBy = actor;
                em.flush();
                DeadLetterView after = view(letter);
                audit.record("replay", ENTITY, Long.toString(letter.id), null, before, after);
                return after;
            });
            consumer.refreshParked();
            return replayed;
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            UnusableEvent unusable = UnusableEvent.causeOf(e);
            String incident = UUID.randomUUID().toString();
            String message = unusable != null ? unusable.getMessage() : "重放失败，日志中的事故编号 " + incident;
            if (unusable == null) {
                LOG.errorf(e, "Replay of dead letter %d failed, incident %s", id, incident);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                DeadLetter letter = find(id, LockModeType.PESSIMISTIC_WRITE);
                letter.attempts++;
                letter.error = message;
            });
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "事件仍无法处理：" + message);
        }
    }

    private DeadLetter find(long id, LockModeType lock) {
        DeadLetter letter = em.find(DeadLetter.class, id, lock);
        if (letter == null) {
            throw ProblemException.notFound("死信 " + id + " 不存在");
        }
        return letter;
    }

    private FeedEvent event(DeadLetter letter) {
        return new FeedEvent(letter.seq, letter.type, letter.occurredAt, letter.key, json(letter.payload));
    }

    private DeadLetterView view(DeadLetter d) {
        return new DeadLetterView(d.id, d.feed, d.seq, d.type, d.key, json(d.payload), d.occurredAt, d.error,
                d.attempts, d.status, d.parkedAt, d.replayedAt, d.replayedBy);
    }

    private JsonNode json(String payload) {
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dead letter payload is not JSON", e);
        }
    }

}
