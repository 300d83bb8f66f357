package org.kpi.notify.channels;

import io.quarkus.mailer.Attachment;
import io.quarkus.mailer.Mail;

import java.nio.charset.StandardCharsets;

/**
 * Attaches a file to a mail under its own name, Chinese included, written as RFC 2231 parameters
 * ({@code filename*=UTF-8''%E8%8A%9D…}, split into numbered parts on lines of their own when long):
 * the mail client (Vert.x) writes a name it is given as RFC 2047 words inside quotes, which the
 * standard forbids there and readers such as Jakarta Mail leave undecoded by default, so the name
 * goes into the disposition and the media type here, and the attachment itself is given none.
 */
final class MailAttachments {

    /** The most characters of encoded name on one header line, so lines stay under 78. */
    private static final int SEGMENT = 60;

    /** RFC 2231 attribute-char, less what is safer escaped anyway. */
    private static final String PLAIN = "!#$&+-.^_`|~";

    private MailAttachments() {
    }

    /** Adds {@code bytes} to {@code mail} as an attachment named {@code fileName} of type {@code contentType}. */
    static Mail attach(Mail mail, String fileName, byte[] bytes, String contentType) {
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        return mail.addAttachment(null, bytes, type + ";" + parameter("name", fileName), null,
                Attachment.DISPOSITION_ATTACHMENT + ";" + parameter("filename", fileName));
    }

    /**
     * {@code name} = {@code value} as an RFC 2231 extended parameter, each on a folded line of its own:
     * {@code \n name*=UTF-8''…}, or {@code \n name*0*=UTF-8''…;\n name*1*=…} when long. Code points are
     * never split between two parts.
     */
    static String parameter(String name, String value) {
        StringBuilder parameter = new StringBuilder();
        StringBuilder segment = new StringBuilder();
        int index = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            String encoded = encode(new String(Character.toChars(codePoint)));
            if (segment.length() > 0 && segment.length() + encoded.length() > SEGMENT) {
                append(parameter, name, index++, segment, false);
                segment.setLength(0);
            }
            segment.append(encoded);
            i += Character.charCount(codePoint);
        }
        append(parameter, name, index, segment, index == 0);
        return parameter.toString();
    }

    private static void append(StringBuilder parameter, String name, int index, CharSequence segment, boolean only) {
        if (index > 0) {
            parameter.append(';');
        }
        parameter.append("\n ").append(name).append(only ? "" : "*" + index).append('*').append('=');
        if (index == 0) {
            parameter.append("UTF-8''");
        }
        parameter.append(segment);
    }

    private static String encode(String character) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || PLAIN.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
