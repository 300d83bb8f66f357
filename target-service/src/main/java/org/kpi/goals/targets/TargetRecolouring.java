package org.kpi.goals.targets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.kpi.goals.indicators.Indicator;

import java.time.LocalDate;
import java.util.List;

/**
 * Recolours the targets of one indicator right after the indicator changed (its tolerance, say),
 * target by target: each target in its own transaction, publishing {@code target.status-changed}
 * when its colour moves, so a conflict on one target does not undo the others. A target skipped
 * by a conflict keeps its colour until the daily refresh.
 */
@ApplicationScoped
public class TargetRecolouring {

    private static final Logger LOG = Logger.getLogger(TargetRecolouring.class);

    @Inject
    EntityManager em;

    @Inject
    TargetService targets;

    /**
     * Recolours every target of {@code indicatorCode} in {@code asOf}'s year and the one before (the
     * years the daily refresh keeps coloured); returns how many changed colour.
     */
    public int recolourTargetsOf(String indicatorCode, LocalDate asOf) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select t.id from Target t where t.indicatorCode = :indicator and t.year >= :year order by t.id",
                        Long.class)
                .setParameter("indicator", indicatorCode)
                .setParameter("year", (short) (asOf.getYear() - 1))
                .getResultList());
        int changed = 0;
        for (long id : ids) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> recolourOne(id, asOf))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Target %d of indicator %s not recoloured now (the daily refresh will): %s",
                        id, indicatorCode, e.getMessage());
            }
        }
        return changed;
    }

    private boolean recolourOne(long id, LocalDate asOf) {
        Target target = em.find(Target.class, id);
        if (target == null) {
            return false;
        }
        Indicator indicator = em.find(Indicator.class, target.indicatorCode);
        boolean changed = targets.recolour(target, indicator, asOf);
        if (changed) {
            em.flush();
        }
        return changed;
    }
}
