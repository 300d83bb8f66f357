package org.kpi.task.drafts.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the draft extractor works with (任务分解词表), read from {@code task-drafts/lexicon.txt}:
 * units, strong and weak verbs, negations, deliverables, generic objects. A maintainer extends the
 * file, not the code.
 */
public final class Lexicon {

    private static final String RESOURCE = "task-drafts/lexicon.txt";
    private static final List<String> SECTIONS = List.of("count-units", "measure-units", "strong-verbs",
            "deliver-verbs", "weak-verbs", "target-verbs", "negations", "deliverables", "campaigns", "naming-verbs", "generic",
            "scene-endings", "adverbs", "connectors");

    private final Map<String, Set<String>> sections;

    private Lexicon(Map<String, Set<String>> sections) {
        this.sections = sections;
    }

    /** The lexicon shipped with the service. */
    public static Lexicon standard() {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon read(InputStream in) throws IOException {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        String current = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int comment = line.indexOf('#');
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            if (content.startsWith("[") && content.endsWith("]")) {
                current = content.substring(1, content.length() - 1);
                if (!SECTIONS.contains(current)) {
                    throw new IllegalStateException("unknown lexicon section [" + current + "]");
                }
                sections.putIfAbsent(current, new LinkedHashSet<>());
                continue;
            }
            if (current == null) {
                throw new IllegalStateException("lexicon words before the first [section]: " + content);
            }
            for (String word : content.split("\\s+")) {
                sections.get(current).add(word);
            }
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        for (String name : SECTIONS) {
            frozen.put(name, Collections.unmodifiableSet(sections.getOrDefault(name, new LinkedHashSet<>())));
        }
        return new Lexicon(frozen);
    }

    public Set<String> countUnits() {
        return sections.get("count-units");
    }

    /** Every unit, counting and measuring. */
    public Set<String> units() {
        Set<String> all = new LinkedHashSet<>(sections.get("count-units"));
        all.addAll(sections.get("measure-units"));
        return all;
    }

    public Set<String> strongVerbs() {
        return sections.get("strong-verbs");
    }

    public Set<String> deliverVerbs() {
        return sections.get("deliver-verbs");
    }

    public Set<String> campaigns() {
        return sections.get("campaigns");
    }

    public Set<String> namingVerbs() {
        return sections.get("naming-verbs");
    }

    public Set<String> sceneEndings() {
        return sections.get("scene-endings");
    }

    public Set<String> weakVerbs() {
        return sections.get("weak-verbs");
    }

    public Set<String> targetVerbs() {
        return sections.get("target-verbs");
    }

    public Set<String> negations() {
        return sections.get("negations");
    }

    public Set<String> deliverables() {
        return sections.get("deliverables");
    }

    public Set<String> generic() {
        return sections.get("generic");
    }

    public Set<String> adverbs() {
        return sections.get("adverbs");
    }

    public Set<String> connectors() {
        return sections.get("connectors");
    }
}
