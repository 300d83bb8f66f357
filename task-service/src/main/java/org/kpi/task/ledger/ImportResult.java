package org.kpi.task.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What an accepted import did: {@code imported} rows read, of which {@code created} new draft
 * tasks (their {@code ids} in sheet order), {@code updated} existing tasks changed, and
 * {@code unchanged} rows that already matched their task (nothing written for those).
 */
@Schema(description = "台账导入结果 · What a ledger import did")
public record ImportResult(int imported, List<Long> ids, int created, int updated, int unchanged) {
}
