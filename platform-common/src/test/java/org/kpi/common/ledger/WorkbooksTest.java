package org.kpi.common.ledger;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpi.common.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which failures to open an upload are "not a valid .xlsx" (400) and which are not. */
class WorkbooksTest {

    static final LedgerLimits LIMITS = limits(1024 * 1024);

    @TempDir
    Path dir;

    static LedgerLimits limits(long maxFileBytes) {
        return new LedgerLimits() {
            @Override
            public int maxRows() {
                return 10;
            }

            @Override
            public long maxFileBytes() {
                return maxFileBytes;
            }

            @Override
            public int batchSize() {
                return 5;
            }

            @Override
            public Duration writeTimeout() {
                return Duration.ofMinutes(1);
            }
        };
    }

    static byte[] validWorkbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("任务名称");
            book.write(out);
            return out.toByteArray();
        }
    }

    private Path file(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".xlsx");
        Files.write(file, bytes);
        return file;
    }

    private static void assertNotAWorkbook(byte[] bytes) {
        ProblemException e = assertThrows(ProblemException.class, () -> Workbooks.parse(bytes));
        assertEquals(400, e.problem().status());
        assertEquals("urn:kpi:problem:malformed-body", e.problem().type());
        assertEquals("文件不是有效的 .xlsx 工作簿", e.problem().detail());
    }

    @Test
    void aValidWorkbookOpens() throws IOException {
        try (XSSFWorkbook book = Workbooks.open(file(validWorkbook()), LIMITS)) {
            assertEquals("任务名称", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void otherFileTypesEmptyFilesAndCorruptWorkbooksAreNotAWorkbook() throws IOException {
        byte[] valid = validWorkbook();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("不是工作簿".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertNotAWorkbook("%PDF-1.7 not a sheet".getBytes(StandardCharsets.US_ASCII));
        assertNotAWorkbook(new byte[0]);
        assertNotAWorkbook(Arrays.copyOf(valid, valid.length / 2));
        assertNotAWorkbook(zip.toByteArray());
        // a legacy .xls / OLE2 container
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        assertNotAWorkbook(ole2);
    }

    @Test
    void anUploadThatCannotBeReadIsAFailureNotAnInvalidWorkbook() {
        Path missing = dir.resolve("gone.xlsx");
        assertThrows(UncheckedIOException.class, () -> Workbooks.open(missing, LIMITS));
    }

    @Test
    void aFileOverTheCapIsRefusedWithA413NamingIt() throws IOException {
        byte[] valid = validWorkbook();
        ProblemException e = assertThrows(ProblemException.class,
                () -> Workbooks.open(file(valid), limits(valid.length - 1)));
        assertEquals(413, e.problem().status());
        assertEquals("文件大小超过上限 " + (valid.length - 1) + " 字节，请拆分后再导入", e.problem().detail());
    }
}
