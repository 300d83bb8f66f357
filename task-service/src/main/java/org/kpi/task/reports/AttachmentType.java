package org.kpi.task.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The allow-list of attachment types, recognised by their content (magic bytes), never by the
 * name or the declared Content-Type: PDF, PNG, JPEG, GIF, Office Open XML (a zip holding
 * {@code [Content_Types].xml}) and legacy OLE2 Office files. A file's extension, when it has
 * one, must fit the detected type.
 */
public enum AttachmentType {
    PDF("application/pdf", Set.of("pdf")),
    PNG("image/png", Set.of("png")),
    JPEG("image/jpeg", Set.of("jpg", "jpeg")),
    GIF("image/gif", Set.of("gif")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx")),
    OLE2_OFFICE("application/x-ole-storage", Set.of("doc", "xls", "ppt", "wps", "et", "dps"));

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87_MAGIC = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89_MAGIC = {'G', 'I', 'F', '8', '9', 'a'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1};

    private final String mediaType;
    private final Set<String> extensions;

    AttachmentType(String mediaType, Set<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether a file named {@code fileName} may carry this type (a name without extension may). */
    public boolean fitsName(String fileName) {
        String extension = extension(fileName);
        return extension.isEmpty() || extensions.contains(extension);
    }

    /**
     * The type of a file from its first bytes and, for zips, its central directory.
     *
     * @param head the first bytes of the file (at least 8 when the file is that long)
     * @param file the whole file, opened as a zip only when {@code head} says it is one
     */
    public static Optional<AttachmentType> detect(byte[] head, Path file) {
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, GIF87_MAGIC) || startsWith(head, GIF89_MAGIC)) {
            return Optional.of(GIF);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return Optional.of(OLE2_OFFICE);
        }
        if (startsWith(head, ZIP_MAGIC) && file != null) {
            return ooxml(file);
        }
        return Optional.empty();
    }

    /** Reads only the zip's central directory: nothing is decompressed. */
    private static Optional<AttachmentType> ooxml(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            boolean word = false;
            boolean excel = false;
            boolean powerpoint = false;
            var entries = zip.entries();
            int seen = 0;
            while (entries.hasMoreElements() && seen++ < 10_000) {
                ZipEntry entry = entries.nextElement();
                word |= entry.getName().startsWith("word/");
                excel |= entry.getName().startsWith("xl/");
                powerpoint |= entry.getName().startsWith("ppt/");
            }
            if (word) {
                return Optional.of(DOCX);
            }
            if (excel) {
                return Optional.of(XLSX);
            }
            if (powerpoint) {
                return Optional.of(PPTX);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data != null && data.length >= prefix.length
                && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }
}
