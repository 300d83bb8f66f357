package org.kpi.notify.messages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.NotifyConfig;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes a daily digest from the templates {@code templates/reminders/digest-title.txt} and
 * {@code digest-body.txt}: a title with the day and the count, then each message's title and link.
 */
@ApplicationScoped
public class DigestRenderer {

    @Inject
    @Location("reminders/digest-title.txt")
    Template title;

    @Inject
    @Location("reminders/digest-body.txt")
    Template body;

    @Inject
    NotifyConfig config;

    /** A rendered digest. */
    public record Rendered(String title, String text, String link) {
    }

    public Rendered render(LocalDate day, List<DigestMessage.Item> items) {
        String inbox = config.publicBaseUrl().replaceAll("/+$", "") + "/inbox";
        DigestMessage message = new DigestMessage(MessageRenderer.dateLabel(day), items, inbox, null);
        String headline = title.data("m", message).render().strip();
        String text = body.data("m", message.withHeadline(headline)).render().strip();
        return new Rendered(headline, text, inbox);
    }
}
