package org.kpi.task.drafts;

import jakarta.enterprise.context.ApplicationScoped;
import org.kpi.task.drafts.extraction.Commitment;
import org.kpi.task.drafts.extraction.CommitmentExtractor;
import org.kpi.task.drafts.extraction.Lexicon;

import java.time.LocalDate;
import java.util.List;

/**
 * The extractor as a bean: the lexicon is read once; HanLP's dictionaries load on the first
 * extraction (about 0.4 s and 40 MB of heap), not at start-up, so a service that never reads a
 * plan never pays for them.
 */
@ApplicationScoped
public class Extraction {

    private volatile CommitmentExtractor extractor;

    public List<Commitment> extract(String text, LocalDate planDate) {
        return extractor().extract(text, planDate);
    }

    private CommitmentExtractor extractor() {
        CommitmentExtractor current = extractor;
        if (current == null) {
            synchronized (this) {
                if (extractor == null) {
                    extractor = new CommitmentExtractor(Lexicon.standard());
                }
                current = extractor;
            }
        }
        return current;
    }
}
