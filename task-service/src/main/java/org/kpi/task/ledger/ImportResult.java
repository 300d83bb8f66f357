package org.kpi.task.ledger;

import java.util.List;

/** What an accepted import created: draft tasks, in sheet order. */
public record ImportResult(int imported, List<Long> ids) {
}
