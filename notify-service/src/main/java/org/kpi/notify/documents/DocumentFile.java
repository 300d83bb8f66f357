package org.kpi.notify.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An issued document's file as a notice's delivery carries it in its facts: what the e-mail sender
 * fetches from target-service and attaches.
 *
 * @param documentId  the document's id
 * @param fileName    the file's name (Chinese included), as the attachment is named
 * @param contentType the file's media type
 * @param size        its size in bytes, as target-service announced it
 * @param sha256      its SHA-256 (hex), checked against what is fetched
 * @param filePath    the absolute path target-service serves it at
 */
public record DocumentFile(long documentId, String fileName, String contentType, long size, String sha256,
                           String filePath) {

    /** The facts' kind of a notice whose deliveries carry a document. */
    public static final String NOTICE_KIND = "REPORT_ISSUED";

    /** An absolute path of plain segments: no scheme, host, query, escapes or dot segments. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

    /** Whether {@code path} is a plain absolute path, safe to append to the file base URL. */
    public static boolean safePath(String path) {
        return path != null && SAFE_PATH.matcher(path).matches();
    }

    /** The document file a delivery's facts carry, if it is a notice of an issued document. */
    public static Optional<DocumentFile> in(Map<String, Object> facts) {
        if (facts == null || !NOTICE_KIND.equals(facts.get("kind")) || !(facts.get("filePath") instanceof String path)
                || !(facts.get("documentId") instanceof Number id) || !(facts.get("size") instanceof Number size)) {
            return Optional.empty();
        }
        return Optional.of(new DocumentFile(id.longValue(), (String) facts.get("fileName"),
                (String) facts.get("contentType"), size.longValue(), (String) facts.get("sha256"), path));
    }

    Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("fileName", fileName);
        facts.put("contentType", contentType);
        facts.put("size", size);
        facts.put("sha256", sha256);
        facts.put("filePath", filePath);
        return facts;
    }
}
