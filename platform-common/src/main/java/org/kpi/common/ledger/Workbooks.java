package org.kpi.common.ledger;

import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an uploaded ledger. Only what says the bytes are not a readable .xlsx workbook — the
 * wrong file type, a corrupt zip, broken XML, a password — becomes the 400
 * {@link LedgerProblems#notAWorkbook()}; any other failure (the upload cannot be read from disk,
 * a bug) propagates and is answered as the 500 it is.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** The workbook in {@code file}, parsed in memory; call it outside any transaction. */
    public static XSSFWorkbook open(Path file, LedgerLimits limits) {
        byte[] bytes;
        try {
            if (Files.size(file) > limits.maxFileBytes()) {
                throw LedgerProblems.fileTooLarge(limits.maxFileBytes());
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Uploaded workbook cannot be read", e);
        }
        return parse(bytes);
    }

    /** Parses an .xlsx workbook from bytes; see the class comment for what is refused how. */
    public static XSSFWorkbook parse(byte[] bytes) {
        if (bytes.length == 0 || FileMagic.valueOf(bytes) != FileMagic.OOXML) {
            throw LedgerProblems.notAWorkbook();
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (EncryptedDocumentException e) {
            throw LedgerProblems.encrypted();
        } catch (IOException | UnsupportedFileFormatException | EmptyFileException | POIXMLException
                 | OpenXML4JRuntimeException | RecordFormatException e) {
            // reading from memory cannot fail for I/O reasons: every IOException here is a broken zip or part
            throw LedgerProblems.notAWorkbook();
        }
    }
}
