package org.kpi.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The git commit a checkout stands at, and whether its working tree had changes on top of it:
 * recorded in the data folder when the platform starts, so {@code ./kpi status} tells which
 * version is running and whether a pull or checkout since has left it behind.
 *
 * @param commit the short hash of {@code HEAD}
 * @param dirty  whether tracked or untracked files differed from {@code HEAD}
 */
record Revision(String commit, boolean dirty) {

    private static final long GIT_TIMEOUT_SECONDS = 10;

    /** The revision checked out at {@code root}; empty outside a git checkout or without git. */
    static Optional<Revision> of(Path root) {
        Optional<String> head = git(root, "rev-parse", "--short", "HEAD");
        if (head.isEmpty() || head.get().isBlank()) {
            return Optional.empty();
        }
        Optional<String> changes = git(root, "status", "--porcelain");
        return Optional.of(new Revision(head.get().strip(), changes.map(c -> !c.isBlank()).orElse(false)));
    }

    /** Writes this revision to {@code file} ({@code commit dirty|clean}). */
    void write(Path file) throws IOException {
        Files.writeString(file, commit + " " + (dirty ? "dirty" : "clean") + "\n", StandardCharsets.UTF_8);
    }

    /** Removes a revision recorded before, when the checkout has none. */
    static void clear(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** The revision recorded in {@code file}, if one was. */
    static Optional<Revision> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            if (parts.length != 2 || parts[0].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Revision(parts[0], parts[1].equals("dirty")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** For people: {@code 1a2b3c4}, or {@code 1a2b3c4（另有未提交的改动）}. */
    String describe() {
        return dirty ? commit + "（另有未提交的改动）" : commit;
    }

    private static Optional<String> git(Path root, String... args) {
        // no optional locks: a status must not hold the index lock while the user runs git
        List<String> command = new ArrayList<>(List.of("git", "--no-optional-locks", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            // no git on this machine
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
