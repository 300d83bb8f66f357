package org.kpi.goals.targets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.progress.ProgressService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Colours move with time even when nobody reports: a period falls due, the expected share of the
 * year grows. Once a day every target of the current and the previous year is recoloured, and
 * each change goes on the feed as {@code target.status-changed}.
 */
@ApplicationScoped
public class ColourRefresh {

    private static final Logger LOG = Logger.getLogger(ColourRefresh.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    TargetService targets;

    @Inject
    IndicatorService indicators;

    @Inject
    ProgressService progress;

    @Scheduled(cron = "${kpi.progress.refresh-cron:0 10 0 * * ?}", timeZone = "Asia/Shanghai",
            identity = "target-colour-refresh", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int changed = refresh(progress.today());
        LOG.infof("Daily colour refresh: %d targets changed colour", changed);
    }

    /** Recolours every target of {@code asOf}'s year and the one before; returns how many changed. */
    public int refresh(LocalDate asOf) {
        int changed = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch result = QuarkusTransaction.requiringNew().call(() -> batch(from, asOf));
            changed += result.changed();
            if (result.seen() == 0) {
                return changed;
            }
            after = result.lastId();
        }
    }

    /** Recolours one batch of targets with ids above {@code after}. */
    private Batch batch(long after, LocalDate asOf) {
        List<Target> page = em.createQuery("from Target t where t.id > :after and t.year >= :year order by t.id", Target.class)
                .setParameter("after", after)
                .setParameter("year", (short) (asOf.getYear() - 1))
                .setMaxResults(BATCH)
                .getResultList();
        if (page.isEmpty()) {
            return new Batch(0, 0, after);
        }
        Map<String, Indicator> byCode = indicators.byCode(page.stream().map(t -> t.indicatorCode).distinct().toList());
        int changed = 0;
        for (Target target : page) {
            if (targets.recolour(target, byCode.get(target.indicatorCode), asOf)) {
                changed++;
            }
        }
        return new Batch(changed, page.size(), page.get(page.size() - 1).id);
    }

    private record Batch(int changed, int seen, long lastId) {
    }
}
