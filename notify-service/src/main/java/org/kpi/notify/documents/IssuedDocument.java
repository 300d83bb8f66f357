package org.kpi.notify.documents;

import com.fasterxml.jackson.databind.JsonNode;
import org.kpi.common.events.UnusableEvent;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.kpi.notify.projection.EventPayloads.required;
import static org.kpi.notify.projection.EventPayloads.timestamp;

/**
 * A document target-service issued (印发) — a weekly dispatch list (周调度清单, .xlsx), a monthly
 * bulletin (督查通报, .docx) or a quarterly analysis (季度分析, .docx) — as its {@code report.issued}
 * event describes it.
 *
 * @param id          the document's id in target-service's archive
 * @param orgUnitCode the unit the document is for
 * @param orgUnitName its name as printed on the document
 * @param kind        WEEKLY, MONTHLY or QUARTERLY
 * @param kindLabel   周调度清单, 督查通报 or 季度分析
 * @param period      2026-W45, 2026-10 or 2026-Q3
 * @param title       the document's title (芝罘区督查通报（2026年第10期）)
 * @param fileName    the file's name, Chinese included
 * @param contentType the file's media type
 * @param size        the file's size in bytes
 * @param sha256      the file's SHA-256, hex
 * @param summary     a paragraph of the document's figures
 * @param issuedBy    {@code schedule} when a schedule issued it, else the supervisor who did
 * @param issuedAt    when it was issued
 * @param filePath    where target-service serves the file (to a service token)
 * @param consolePath where the web console shows it
 */
public record IssuedDocument(long id, String orgUnitCode, String orgUnitName, String kind, String kindLabel,
                             String period, String title, String fileName, String contentType, long size,
                             String sha256, String summary, String issuedBy, OffsetDateTime issuedAt, String filePath,
                             String consolePath) {

    /** The {@code issuedBy} of a document a schedule issued. */
    public static final String BY_SCHEDULE = "schedule";

    /** The document of a {@code report.issued} payload. */
    public static IssuedDocument of(JsonNode p) {
        long size = required(p, "size").asLong(-1);
        if (size < 0) {
            throw new UnusableEvent("事件字段 size 不是文件大小：" + p.get("size"));
        }
        return new IssuedDocument(required(p, "id").asLong(), required(p, "orgUnitCode").asText(),
                required(p, "orgUnitName").asText(), required(p, "kind").asText(), required(p, "kindLabel").asText(),
                required(p, "period").asText(), required(p, "title").asText(), required(p, "fileName").asText(),
                required(p, "contentType").asText(), size, required(p, "sha256").asText(),
                required(p, "summary").asText(), required(p, "issuedBy").asText(), timestamp(p, "issuedAt"),
                required(p, "filePath").asText(), required(p, "consolePath").asText());
    }

    /** Whether a schedule issued it (定期自动印发) rather than a supervisor. */
    public boolean scheduled() {
        return BY_SCHEDULE.equals(issuedBy);
    }

    /** The file to fetch and attach. */
    public DocumentFile file() {
        return new DocumentFile(id, fileName, contentType, size, sha256, filePath);
    }

    /** The document's facts for a notice's machine peers (webhooks), and for the e-mail sender to find its file. */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("documentId", id);
        facts.put("orgUnitCode", orgUnitCode);
        facts.put("documentKind", kind);
        facts.put("period", period);
        facts.put("documentTitle", title);
        facts.put("summary", summary);
        facts.put("issuedBy", issuedBy);
        facts.put("issuedAt", issuedAt.toString());
        facts.putAll(file().facts());
        return facts;
    }
}
