package org.kpi.notify.messages;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splitting texts by UTF-8 bytes: on line boundaries, never inside a character. */
class MessageSplitterTest {

    @Test
    void textThatFitsIsOnePartUnchanged() {
        String text = "【催办】重点任务“工业技改”已逾期 2 天\n牵头单位：甲区工业和信息化局";
        assertEquals(List.of(text), MessageSplitter.split(text, bytes(text)));
    }

    @Test
    void textOneByteOverTheLimitSplitsBetweenLines() {
        String text = "甲乙丙\n丁戊己";  // 9 + 1 + 9 = 19 bytes
        assertEquals(List.of(text), MessageSplitter.split(text, 19));
        assertEquals(List.of("甲乙丙", "丁戊己"), MessageSplitter.split(text, 18));
    }

    @Test
    void linesArePackedWhileTheyFitCountingTheLineBreak() {
        String text = "ab\ncd\nef\ngh";
        // "ab\ncd" is exactly 5 bytes: a part may be exactly the limit, the break that joins them counted
        assertEquals(List.of("ab\ncd", "ef\ngh"), MessageSplitter.split(text, 5));
        assertEquals(List.of("ab", "cd", "ef", "gh"), MessageSplitter.split(text, 4));
    }

    @Test
    void partsJoinedByLineBreaksGiveTheTextBack() {
        StringBuilder digest = new StringBuilder("【每日汇总】11月23日共 40 条督办提醒");
        for (int i = 1; i <= 40; i++) {
            digest.append('\n').append(i).append(". 【催办】重点任务“第").append(i).append("项重点工程”已逾期 ").append(i)
                    .append(" 天\n   办理入口：https://kpi.example.gov.cn/tasks/").append(i);
        }
        String text = digest.toString();
        List<String> parts = MessageSplitter.split(text, 500);
        assertTrue(parts.size() > 1, "split into " + parts.size());
        parts.forEach(part -> assertTrue(bytes(part) <= 500, part));
        parts.forEach(part -> assertFalse(part.startsWith("\n") || part.endsWith("\n"), part));
        assertEquals(text, String.join("\n", parts));
    }

    @Test
    void singleHugeLineIsCutAtCodePointsIntoPartsThatFit() {
        String line = "督查".repeat(1000);  // 6,000 bytes, no line break
        List<String> parts = MessageSplitter.split(line, 100);
        // 33 three-byte characters fit into 100 bytes: 60 full parts of 99 bytes, the last 20 characters left
        assertEquals(61, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(i < 60 ? 99 : 60, bytes(parts.get(i)), "part " + i);
            assertValidUtf8(parts.get(i));
        }
        assertEquals(line, String.join("", parts));
    }

    @Test
    void emojiIsNeverCutBetweenItsSurrogates() {
        String line = "😀".repeat(10) + "a" + "😀".repeat(10);  // 4-byte code points, two chars each
        for (int limit = 4; limit <= 12; limit++) {
            List<String> parts = MessageSplitter.split(line, limit);
            for (String part : parts) {
                assertTrue(bytes(part) <= limit, limit + ": " + part);
                assertFalse(Character.isLowSurrogate(part.charAt(0)), "part starts with a low surrogate at " + limit);
                assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)),
                        "part ends with a high surrogate at " + limit);
                assertValidUtf8(part);
            }
            assertEquals(line, String.join("", parts));
        }
    }

    @Test
    void emojiExactlyAtTheLimitStaysInThePart() {
        // "ab" + 😀 = 6 bytes: with a limit of 6 it fits, with 5 it moves to the next part whole
        assertEquals(List.of("ab😀", "c"), MessageSplitter.split("ab😀c", 6));
        assertEquals(List.of("ab", "😀c"), MessageSplitter.split("ab😀c", 5));
    }

    @Test
    void overLongLineSharesItsLastPieceWithTheNextLines() {
        String text = "一二三四五\n六\n七";  // the first line is 15 bytes
        assertEquals(List.of("一二三", "四五\n六", "七"), MessageSplitter.split(text, 10));
    }

    @Test
    void utf8LengthCountsLikeTheEncoder() {
        for (String text : List.of("", "ascii", "é", "中文", "😀", "混合 text 😀 é")) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, MessageSplitter.utf8Length(text), text);
        }
    }

    @Test
    void limitBelowOneCharacterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MessageSplitter.split("text", 3));
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void assertValidUtf8(String part) {
        byte[] encoded = part.getBytes(StandardCharsets.UTF_8);
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(encoded)).toString();
            assertEquals(part, decoded);
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8: " + part, e);
        }
    }
}
