package org.kpi.task.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachment types are recognised by content, never by name. */
class AttachmentTypeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "255044462d312e370a,           PDF",
        "89504e470d0a1a0a0000,         PNG",
        "ffd8ffe000104a464946,         JPEG",
        "474946383961010001,           GIF",
        "474946383761010001,           GIF",
        "d0cf11e0a1b11ae10000,         OLE2_OFFICE",
        "4d5a90000300000004,           NONE",
        "7f454c46020101,               NONE",
        "3c68746d6c3e,                 NONE",
        "25504446,                     NONE",
    })
    void magicBytesDecide(String hex, String expected) {
        Optional<AttachmentType> type = AttachmentType.detect(HexFormat.of().parseHex(hex), null);
        assertEquals(expected, type.map(Enum::name).orElse("NONE"));
    }

    @Test
    void officeOpenXmlNeedsContentTypesAndAKnownPart() throws IOException {
        assertEquals(Optional.of(AttachmentType.XLSX), detect(zip("x.xlsx", "[Content_Types].xml", "xl/workbook.xml")));
        assertEquals(Optional.of(AttachmentType.DOCX), detect(zip("x.docx", "[Content_Types].xml", "word/document.xml")));
        assertEquals(Optional.of(AttachmentType.PPTX), detect(zip("x.pptx", "[Content_Types].xml", "ppt/presentation.xml")));
        assertEquals(Optional.empty(), detect(zip("plain.zip", "readme.txt")));
        assertEquals(Optional.empty(), detect(zip("odd.zip", "[Content_Types].xml", "other/part.xml")));
    }

    @Test
    void extensionMustFitTheDetectedType() {
        assertTrue(AttachmentType.PDF.fitsName("报告.PDF"));
        assertTrue(AttachmentType.PDF.fitsName("无扩展名"));
        assertFalse(AttachmentType.PNG.fitsName("photo.pdf"));
        assertTrue(AttachmentType.OLE2_OFFICE.fitsName("台账.xls"));
        assertFalse(AttachmentType.OLE2_OFFICE.fitsName("setup.exe"));
    }

    private Optional<AttachmentType> detect(Path file) throws IOException {
        return AttachmentType.detect(Files.readAllBytes(file), file);
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        }
        return file;
    }
}
