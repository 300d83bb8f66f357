package org.kpi.task.drafts;

import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.web.TextRules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of an uploaded plan: a Word document (.docx, paragraphs and table cells in order) or a
 * plain-text file (UTF-8, or GB18030 as Chinese Windows writes it). Anything else, or a file that
 * claims to be one but is not, is refused with a 4xx problem.
 */
final class PlanFiles {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private PlanFiles() {
    }

    /** The text of {@code bytes}, uploaded as {@code fileName}. */
    static String text(byte[] bytes, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        if (name.endsWith(".docx")) {
            return docx(bytes);
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return plain(bytes);
        }
        if (name.endsWith(".doc") || name.endsWith(".wps")) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "不支持旧版 Word 格式（.doc/.wps）：请在 Word 或 WPS 中另存为 .docx 后上传");
        }
        throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                "只能上传 Word 文档（.docx）或纯文本文件（.txt）");
    }

    static String docx(byte[] bytes) {
        if (bytes.length == 0 || FileMagic.valueOf(bytes) != FileMagic.OOXML) {
            throw notADocument();
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    text.append(paragraph.getText()).append('\n');
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            text.append(cell.getText()).append('\n');
                        }
                    }
                }
            }
            return clean(text.toString());
        } catch (EncryptedDocumentException e) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "Word 文档设有密码，无法读取：请去掉密码后再上传");
        } catch (IOException | UnsupportedFileFormatException | EmptyFileException | POIXMLException
                 | OpenXML4JRuntimeException | RecordFormatException e) {
            // read from memory: every failure here is a broken zip, part or XML
            throw notADocument();
        }
    }

    static String plain(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            // Notepad's "Unicode"
            return clean(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return clean(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return clean(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString());
        } catch (CharacterCodingException e) {
            return clean(new String(bytes, from, bytes.length - from, GB18030));
        }
    }

    /**
     * A file's text as the platform stores text: line breaks as \n (Word's vertical tab and page
     * breaks too), tabs kept, other control characters (NUL …) and bidirectional controls
     * dropped — a reader cannot see them, and a file should not be refused for them.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u000b' || c == '\u000c') {
                out.append('\n');
            } else if (c == '\n' || c == '\t' || TextRules.problemWith(String.valueOf(c), false) == null) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A name for one line (a file's name, a title): control characters and line breaks dropped. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextRules.problemWith(String.valueOf(c), true) == null) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static ProblemException notADocument() {
        return new ProblemException(ProblemKind.UNPROCESSABLE, "文件不是有效的 Word 文档（.docx），无法读取");
    }
}
