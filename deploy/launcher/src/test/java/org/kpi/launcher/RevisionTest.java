package org.kpi.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionTest {

    @TempDir
    Path dir;

    @Test
    void outsideAGitCheckoutThereIsNoRevision() {
        assertEquals(Optional.empty(), Revision.of(dir));
    }

    @Test
    void revisionIsTheShortHeadAndNotesUncommittedChanges() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        git("add", "pom.xml");
        git("-c", "user.name=测试", "-c", "user.email=test@kpi.local", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "first");
        String head = git("rev-parse", "--short", "HEAD").strip();

        assertEquals(Optional.of(new Revision(head, false)), Revision.of(dir));

        Files.writeString(dir.resolve("pom.xml"), "<project><!-- edited --></project>");
        assertEquals(Optional.of(new Revision(head, true)), Revision.of(dir));
    }

    @Test
    void aRecordedRevisionReadsBackAndAnythingElseIsNone() throws IOException {
        Path file = dir.resolve("revision");
        assertEquals(Optional.empty(), Revision.read(file));
        new Revision("1a2b3c4", true).write(file);
        assertEquals(Optional.of(new Revision("1a2b3c4", true)), Revision.read(file));
        new Revision("1a2b3c4", false).write(file);
        assertEquals(Optional.of(new Revision("1a2b3c4", false)), Revision.read(file));
        Files.writeString(file, "\n");
        assertEquals(Optional.empty(), Revision.read(file));
        Revision.clear(file);
        assertTrue(Files.notExists(file));
    }

    @Test
    void statusNamesTheRunningCommitAndWarnsWhenTheCheckoutHasMovedOn() {
        Optional<Revision> started = Optional.of(new Revision("1a2b3c4", false));
        Optional<Revision> pulled = Optional.of(new Revision("5d6e7f8", false));

        assertEquals(List.of("运行版本：1a2b3c4"), Platform.revisionLines(true, started, started));
        List<String> behind = Platform.revisionLines(true, started, pulled);
        assertEquals("运行版本：1a2b3c4", behind.get(0));
        assertTrue(behind.get(1).startsWith("当前检出：5d6e7f8，与运行版本不同"), behind.get(1));
        List<String> edited = Platform.revisionLines(true, started, Optional.of(new Revision("1a2b3c4", true)));
        assertTrue(edited.get(1).startsWith("当前检出：1a2b3c4（另有未提交的改动），与运行版本不同"), edited.get(1));
        assertEquals(List.of("当前检出：5d6e7f8"), Platform.revisionLines(false, started, pulled));
        assertEquals(List.of("当前检出：未知（不在 git 检出中，或未安装 git）"),
                Platform.revisionLines(false, Optional.empty(), Optional.empty()));
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
