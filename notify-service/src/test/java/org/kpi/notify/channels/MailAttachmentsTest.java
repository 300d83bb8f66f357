package org.kpi.notify.channels;

import jakarta.mail.internet.ParameterList;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File names of attachments written as RFC 2231 parameters, and read back by Jakarta Mail. */
class MailAttachmentsTest {

    @Test
    void aShortNameIsOneExtendedParameter() {
        assertEquals("\n filename*=UTF-8''report-12.docx", MailAttachments.parameter("filename", "report-12.docx"));
        assertEquals("\n name*=UTF-8''%E5%91%A8%E6%8A%A5%20W45.xlsx", MailAttachments.parameter("name", "周报 W45.xlsx"));
    }

    @Test
    void aChineseNameIsSplitIntoNumberedPartsBetweenCharactersAndReadsBackWhole() throws Exception {
        String name = "芝罘区督查通报-2026-10.docx";
        String parameter = MailAttachments.parameter("filename", name);
        assertEquals("\n filename*0*=UTF-8''%E8%8A%9D%E7%BD%98%E5%8C%BA%E7%9D%A3%E6%9F%A5%E9%80%9A;"
                + "\n filename*1*=%E6%8A%A5-2026-10.docx", parameter);
        assertEquals(name, new ParameterList(";" + parameter.replace("\n", "\r\n")).get("filename"));
    }

    @Test
    void everyLineOfALongNameStaysWithinTheLineLengthMailAsks() throws Exception {
        String name = "芝罘区发展和改革局重点任务周调度清单（第45周·含节点与督办单）😀-2026-W45 (final) ; \"v2\".xlsx";
        String parameter = MailAttachments.parameter("filename", name);
        List<String> lines = Arrays.asList(parameter.substring(1).split("\n"));
        assertTrue(lines.size() > 4, parameter);
        assertTrue(lines.stream().allMatch(line -> line.startsWith(" filename*") && line.length() <= 78), parameter);
        assertEquals(name, new ParameterList(";" + parameter.replace("\n", "\r\n")).get("filename"));
        for (String line : lines) {
            String value = line.substring(line.indexOf('=') + 1).replace("UTF-8''", "").replaceAll(";$", "");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) == '%') {
                    bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(value.charAt(i));
                }
            }
            // each part is whole characters on its own: no character, the emoji included, is cut in two
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
        }
    }
}
