package org.kpi.notify.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;

/** Counts the SMS each unit is sent a day, so a policy's daily cap holds across every replica. */
@ApplicationScoped
public class SmsQuota {

    @Inject
    EntityManager em;

    /** Takes one of the unit's {@code cap} SMS of {@code day}; false when they are used up. */
    public boolean take(String unit, LocalDate day, int cap) {
        if (cap <= 0) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("""
                        insert into sms_usage (org_unit_code, day, sent) values (:unit, :day, 1)
                        on conflict (org_unit_code, day) do update set sent = sms_usage.sent + 1
                         where sms_usage.sent < :cap
                        returning sent""")
                .setParameter("unit", unit)
                .setParameter("day", day)
                .setParameter("cap", cap)
                .getResultList().isEmpty());
    }

    /** Gives a taken SMS back (it could not be sent). */
    public void giveBack(String unit, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update sms_usage set sent = greatest(0, sent - 1) where org_unit_code = :unit and day = :day")
                .setParameter("unit", unit)
                .setParameter("day", day)
                .executeUpdate());
    }
}
