package org.kpi.notify.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into parts of at most so many UTF-8 bytes (按字节拆分长消息), for channels whose
 * messages have a byte limit (group robots). It splits between lines where it can: a part holds
 * whole lines joined by {@code \n}, and the line break where two parts meet is dropped. A single
 * line longer than the limit is cut between code points, so no part ends inside a character or
 * between the two halves of a surrogate pair (an emoji stays whole).
 *
 * <p>Joining the parts with {@code \n} gives the text back when no line was cut; a cut line's
 * pieces follow one another as consecutive parts.
 */
public final class MessageSplitter {

    /** The longest UTF-8 encoding of one code point: no smaller limit can hold every character. */
    public static final int MIN_BYTES = 4;

    private MessageSplitter() {
    }

    /**
     * The parts of {@code text}, in order, each at most {@code maxBytes} UTF-8 bytes; one part (the
     * text itself) when it fits.
     *
     * @throws IllegalArgumentException when {@code maxBytes} is below {@value #MIN_BYTES}
     */
    public static List<String> split(String text, int maxBytes) {
        if (maxBytes < MIN_BYTES) {
            throw new IllegalArgumentException("A part must hold at least " + MIN_BYTES + " bytes, not " + maxBytes);
        }
        List<String> parts = new ArrayList<>();
        if (utf8Length(text) <= maxBytes) {
            parts.add(text);
            return parts;
        }
        StringBuilder current = null;
        int currentBytes = 0;
        for (String line : text.split("\n", -1)) {
            int lineBytes = utf8Length(line);
            if (current != null && currentBytes + 1 + lineBytes <= maxBytes) {
                current.append('\n').append(line);
                currentBytes += 1 + lineBytes;
                continue;
            }
            if (current != null) {
                parts.add(current.toString());
            }
            if (lineBytes <= maxBytes) {
                current = new StringBuilder(line);
                currentBytes = lineBytes;
                continue;
            }
            List<String> pieces = cut(line, maxBytes);
            parts.addAll(pieces.subList(0, pieces.size() - 1));
            String last = pieces.get(pieces.size() - 1);
            current = new StringBuilder(last);
            currentBytes = utf8Length(last);
        }
        if (current != null) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** The number of bytes {@code text} takes in UTF-8 (an unpaired surrogate counted as three). */
    public static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** {@code line} in pieces of at most {@code maxBytes}, cut between code points. */
    private static List<String> cut(String line, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int width = Character.charCount(codePoint);
            int size = utf8Length(line.substring(i, i + width));
            if (bytes + size > maxBytes) {
                pieces.add(line.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i += width;
        }
        pieces.add(line.substring(start));
        return pieces;
    }
}
