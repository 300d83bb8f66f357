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
            return text.toString();
        } catch (EncryptedDocumentException e) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "Word 文档设有密码，无法读取：请去掉密码后再上传");
        } catch (IOException | UnsupportedFileFormatException | EmptyFileException | POIXMLException
                 | OpenXML4JRuntimeException | RecordFormatException e) {
            // read from memory: every failure here is a broken zip, part or XML
            throw notADocument();
        }
    }

    static String plain(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, from, bytes.length - from, GB18030);
        }
    }

    private static ProblemException notADocument() {
        return new ProblemException(ProblemKind.UNPROCESSABLE, "文件不是有效的 Word 文档（.docx），无法读取");
    }
}
