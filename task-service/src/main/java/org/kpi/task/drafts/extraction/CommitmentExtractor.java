package org.kpi.task.drafts.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a work plan and finds its commitments (任务分解): one per clause that commits someone to do
 * something concrete, not per sentence of praise, principle or review. Deterministic: rules, the
 * {@link Lexicon} and HanLP's dictionaries, no network and no model.
 *
 * <p>Within a sentence, clauses are grouped:
 * <ul>
 *   <li>a clause starts a commitment when it has a strong verb (开工, 建成, 引进 …), a verb that
 *       delivers (出台, 成立, 启动 …), a named campaign (专项行动 …), a target with a number
 *       (突破30家), or any verb with a date or a number;</li>
 *   <li>a short clause that adds only a date and a verb ({@code 明年上半年投入运营}) continues the
 *       commitment before it, as a further milestone;</li>
 *   <li>clauses that only set the scene ({@code 对尚未开工的8个项目}, {@code 以……为抓手}) are kept for
 *       the next commitment in the sentence, which is named by them and takes its number from them
 *       when it says little of its own ({@code 年内开工});</li>
 *   <li>a clause listing several items that each have a verb and a number
 *       ({@code 年内打造24处口袋公园、新建改造公厕32座}) is several commitments, all under the date
 *       the clause opens with.</li>
 * </ul>
 * A commitment needs a verb of its own and a date or a number, or a strong verb that delivers
 * something named; a generic object (各项目标任务) rules it out.
 */
public final class CommitmentExtractor {

    /** A clause this short, once its dates and adverbs are left out, adds only a step to the one before. */
    private static final int CONTINUATION_LENGTH = 6;
    /** The longest sentence read; {@link PlanText} cuts run-on sentences shorter, so only one giant clause is longer. */
    private static final int LONGEST_SENTENCE = 2000;
    /** The longest title; longer ones end at a clause. */
    private static final int TITLE_LENGTH = 120;
    private static final String MARKS = "“”「」『』（）()《》【】‘’\"'、，,：:；;。 *";
    private static final String OPENERS = "“「『（(《【‘";
    private static final String CLOSERS = "”」』）)》】’";

    private final Lexicon lexicon;
    private final QuantityFinder quantities;

    public CommitmentExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.quantities = new QuantityFinder(lexicon);
    }

    /** The commitments of {@code text}, a plan issued on {@code planDate}, in the order of the text. */
    public List<Commitment> extract(String text, LocalDate planDate) {
        DateFinder dates = new DateFinder(planDate);
        List<Commitment> found = new ArrayList<>();
        for (PlanText.Sentence sentence : PlanText.sentences(text)) {
            if (sentence.end() - sentence.start() > LONGEST_SENTENCE) {
                // a clause of thousands of characters without a comma is a pasted table or noise, no commitment
                continue;
            }
            int offset = sentence.start();
            Words words = Words.of(text.substring(offset, sentence.end()));
            List<Clause> clauses = new ArrayList<>();
            for (PlanText.Clause c : sentence.clauses()) {
                clauses.addAll(items(text, c.start(), c.end(), offset, words, dates));
            }
            for (Group group : group(clauses)) {
                commitment(text, sentence.category(), group).ifPresent(found::add);
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ one clause

    /** What one clause (or one item of a listing clause) holds. */
    private record Clause(int start, int end, String text, List<DateMention> dates, List<QuantityMention> quantities,
                          boolean strong, boolean delivers, boolean campaign, boolean weak, boolean target,
                          boolean scene, boolean continuation) {

        boolean verb() {
            return strong || delivers || weak || target || campaign;
        }

        boolean starts() {
            if (scene) {
                return false;
            }
            return strong || delivers || campaign || target
                    || ((weak || continuation) && (!dates.isEmpty() || !quantities.isEmpty()));
        }
    }

    /**
     * The clause from {@code start} to {@code end}, or its items when it lists several that each
     * have a verb and a number; items without a date of their own take the clause's first date.
     */
    private List<Clause> items(String text, int start, int end, int sentenceStart, Words words, DateFinder dates) {
        Clause whole = analyse(text, start, end, sentenceStart, words, dates, List.of());
        if (whole.quantities().size() < 2) {
            return List.of(whole);
        }
        List<int[]> parts = listItems(text, start, end);
        if (parts.size() < 2) {
            return List.of(whole);
        }
        List<Clause> items = new ArrayList<>();
        for (int[] part : parts) {
            Clause item = analyse(text, part[0], part[1], sentenceStart, words, dates, List.of());
            if (!item.verb() || item.quantities().isEmpty()) {
                return List.of(whole);
            }
            items.add(item);
        }
        List<DateMention> opening = items.get(0).dates().isEmpty() ? List.of() : List.of(items.get(0).dates().get(0));
        List<Clause> scoped = new ArrayList<>();
        for (Clause item : items) {
            scoped.add(item.dates().isEmpty() && !opening.isEmpty()
                    ? analyse(text, item.start(), item.end(), sentenceStart, words, dates, opening) : item);
        }
        return scoped;
    }

    /** The items of a clause listed with 、 outside quotes and brackets. */
    private static List<int[]> listItems(String text, int start, int end) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int from = start;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (OPENERS.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSERS.indexOf(c) >= 0 && depth > 0) {
                depth--;
            } else if (c == '、' && depth == 0) {
                parts.add(new int[]{from, i});
                from = i + 1;
            }
        }
        parts.add(new int[]{from, end});
        return parts;
    }

    private Clause analyse(String text, int start, int end, int sentenceStart, Words words, DateFinder dateFinder,
                           List<DateMention> inherited) {
        String clause = text.substring(start, end);
        int base = start - sentenceStart;
        List<DateMention> dates = new ArrayList<>();
        for (DateMention date : dateFinder.find(clause)) {
            if (date.yearOnly() && qualifiesNoun(clause, date, words, base)) {
                continue;
            }
            dates.add(date);
        }
        boolean ownDates = !dates.isEmpty();
        if (!ownDates) {
            dates.addAll(inherited);
        }
        List<QuantityMention> numbers = quantities.find(clause);
        boolean strong = anyWord(clause, lexicon.strongVerbs(), words, base);
        boolean delivers = anyWord(clause, lexicon.deliverVerbs(), words, base);
        boolean weak = anyWord(clause, lexicon.weakVerbs(), words, base);
        boolean target = !numbers.isEmpty() && anyWord(clause, lexicon.targetVerbs(), words, base);
        boolean naming = anyWord(clause, lexicon.namingVerbs(), words, base);
        boolean campaign = (strong || delivers || naming) && lexicon.campaigns().stream().anyMatch(clause::contains);
        if (strong && !delivers) {
            // a strong verb with a deliverable after it (完成……方案) delivers as well
            delivers = lexicon.deliverables().stream().anyMatch(clause::contains) && strongBeforeDeliverable(clause);
        }
        String plain = strip(clause);
        if (naming && !delivers && plain.endsWith("”") && namingBeforeQuote(clause, plain)) {
            // 滚动实施“百日攻坚”, 打造海岸社区“一刻钟便民生活圈”: a named programme
            delivers = true;
        }
        boolean scene = lexicon.sceneEndings().stream().anyMatch(plain::endsWith);
        boolean continuation = ownDates && numbers.isEmpty() && residual(clause, dates).length() <= CONTINUATION_LENGTH;
        return new Clause(start, end, clause, dates, numbers, strong, delivers, campaign, weak, target, scene,
                continuation);
    }

    /** Whether a naming verb stands before the quoted name the clause ends with (not inside it: 聚焦“打造……”). */
    private boolean namingBeforeQuote(String clause, String plain) {
        int quote = clause.lastIndexOf('“');
        if (quote < 0 || !plain.endsWith("”")) {
            return false;
        }
        String before = clause.substring(0, quote);
        return lexicon.namingVerbs().stream().anyMatch(before::contains);
    }

    private boolean strongBeforeDeliverable(String clause) {
        int firstVerb = Integer.MAX_VALUE;
        for (String verb : lexicon.strongVerbs()) {
            int at = clause.indexOf(verb);
            if (at >= 0) {
                firstVerb = Math.min(firstVerb, at);
            }
        }
        for (String noun : lexicon.deliverables()) {
            if (clause.indexOf(noun, firstVerb == Integer.MAX_VALUE ? clause.length() : firstVerb) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code candidates} occurs in {@code clause} as a word (or words) of its own and not after a negation. */
    private boolean anyWord(String clause, java.util.Set<String> candidates, Words words, int base) {
        for (String word : candidates) {
            for (int i = clause.indexOf(word); i >= 0; i = clause.indexOf(word, i + 1)) {
                if (!words.onBoundaries(base + i, base + i + word.length())) {
                    continue;
                }
                String before = clause.substring(0, i);
                if (lexicon.negations().stream().noneMatch(before::endsWith)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a year ({@code 明年}, {@code 2023年}) stands before a noun it qualifies: 明年项目, 2023年重点项目. */
    private static boolean qualifiesNoun(String clause, DateMention date, Words words, int base) {
        if (date.end() >= clause.length()) {
            return false;
        }
        if (clause.charAt(date.end()) == '的') {
            return true;
        }
        Words.Word next = words.at(base + date.end());
        return next != null && next.start() == base + date.end() && next.noun();
    }

    /** What a clause says besides its dates, adverbs and punctuation. */
    private String residual(String clause, List<DateMention> dates) {
        StringBuilder rest = new StringBuilder();
        int from = 0;
        for (DateMention date : dates) {
            if (date.start() >= from && date.end() <= clause.length()) {
                rest.append(clause, from, date.start());
                from = date.end();
            }
        }
        rest.append(clause.substring(from));
        String left = rest.toString();
        for (String adverb : lexicon.adverbs()) {
            left = left.replace(adverb, "");
        }
        StringBuilder plain = new StringBuilder();
        for (char ch : left.toCharArray()) {
            if (MARKS.indexOf(ch) < 0 && !Character.isWhitespace(ch)) {
                plain.append(ch);
            }
        }
        return plain.toString();
    }

    // ------------------------------------------------------------------ clauses into commitments

    /** A commitment's clauses: the scene before it, the clause that starts it, the steps after. */
    private record Group(List<Clause> scene, Clause main, List<Clause> steps) {

        List<Clause> own() {
            List<Clause> own = new ArrayList<>();
            own.add(main);
            own.addAll(steps);
            return own;
        }
    }

    private static List<Group> group(List<Clause> clauses) {
        List<Group> groups = new ArrayList<>();
        List<Clause> scene = new ArrayList<>();
        Group current = null;
        for (Clause clause : clauses) {
            if (clause.continuation() && current != null) {
                current.steps().add(clause);
            } else if (clause.starts()) {
                current = new Group(new ArrayList<>(scene), clause, new ArrayList<>());
                groups.add(current);
                scene.clear();
            } else {
                scene.add(clause);
                current = null;
            }
        }
        return groups;
    }

    private Optional<Commitment> commitment(String text, String category, Group group) {
        List<Clause> own = group.own();
        String ownText = text.substring(own.get(0).start(), own.get(own.size() - 1).end());
        if (lexicon.generic().stream().anyMatch(ownText::contains)) {
            return Optional.empty();
        }
        List<Clause> named = named(group);
        List<DateMention> dates = new ArrayList<>();
        List<String> stepTitles = new ArrayList<>();
        for (Clause clause : own) {
            for (int i = 0; i < clause.dates().size(); i++) {
                DateMention date = clause.dates().get(i);
                if (!dates.isEmpty() && dates.get(dates.size() - 1).equals(date)) {
                    continue;
                }
                dates.add(date);
                int until = i + 1 < clause.dates().size() ? clause.dates().get(i + 1).start() : clause.text().length();
                stepTitles.add(stepTitle(clause, date, until));
            }
        }
        Optional<QuantityMention> number = QuantityFinder.main(own.stream().flatMap(c -> c.quantities().stream()).toList());
        boolean counted = number.isPresent();
        if (number.isEmpty()) {
            // the number of what the scene names: 对尚未开工的8个项目，……，年内开工
            number = QuantityFinder.main(named.stream().flatMap(c -> c.quantities().stream()).toList());
        }
        boolean verb = own.stream().anyMatch(Clause::verb);
        boolean strong = own.stream().anyMatch(Clause::strong);
        boolean delivers = own.stream().anyMatch(c -> c.delivers() || c.campaign());
        boolean dated = !dates.isEmpty();
        if (!((dated || counted) && verb) && !delivers) {
            return Optional.empty();
        }
        DateMention due = dated ? dates.get(dates.size() - 1) : null;
        List<Commitment.Milestone> milestones = new ArrayList<>();
        if (dates.size() > 1) {
            for (int i = 0; i < dates.size(); i++) {
                milestones.add(new Commitment.Milestone(stepTitles.get(i), dates.get(i).date()));
            }
        }
        double confidence = 0.4 + (dated ? 0.25 : 0) + (number.isPresent() ? 0.15 : 0) + (strong ? 0.1 : 0)
                + (delivers ? 0.05 : 0);
        int start = named.get(0).start();
        int end = named.get(named.size() - 1).end();
        return Optional.of(new Commitment(title(named), text.substring(start, end), start, end, category,
                due == null ? null : due.date(), due == null ? null : due.text(), milestones,
                number.map(q -> new Commitment.Quantity(q.value(), q.unit(), q.qualifier(), q.masked())).orElse(null),
                Math.min(0.95, Math.round(confidence * 100) / 100.0)));
    }

    /**
     * The clauses that say what the commitment is: its own; when those have no number, or say
     * little besides a date ({@code 年内开工}), the scene clauses from the last one with a number
     * (or the last one).
     */
    private List<Clause> named(Group group) {
        List<Clause> parts = new ArrayList<>();
        Clause main = group.main();
        List<Clause> scene = group.scene();
        boolean ownNumber = group.own().stream().anyMatch(c -> !c.quantities().isEmpty());
        boolean sceneNumber = scene.stream().anyMatch(c -> !c.quantities().isEmpty());
        boolean short_ = main.quantities().isEmpty() && residual(main.text(), main.dates()).length() <= CONTINUATION_LENGTH;
        if (!scene.isEmpty() && (short_ || (!ownNumber && sceneNumber))) {
            int from = scene.size() - 1;
            for (int i = scene.size() - 1; i >= 0; i--) {
                if (!scene.get(i).quantities().isEmpty()) {
                    from = i;
                    break;
                }
            }
            parts.addAll(scene.subList(from, scene.size()));
        }
        parts.addAll(group.own());
        return parts;
    }

    private String title(List<Clause> parts) {
        StringBuilder title = new StringBuilder();
        for (Clause clause : parts) {
            String piece = withoutConnector(clause.text());
            if (title.length() > 0 && title.length() + piece.length() + 1 > TITLE_LENGTH) {
                break;
            }
            if (title.length() > 0) {
                title.append('，');
            }
            title.append(piece);
        }
        return title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH) : title.toString();
    }

    private String withoutConnector(String clause) {
        for (String connector : lexicon.connectors()) {
            if (clause.startsWith(connector) && clause.length() > connector.length() + 2) {
                return clause.substring(connector.length());
            }
        }
        return clause;
    }

    /** A milestone's title: what the clause says between its date and the next ({@code 拉出单子}). */
    private static String stepTitle(Clause clause, DateMention date, int until) {
        String text = clause.text();
        if (date.end() > text.length() || date.start() < 0 || !text.startsWith(date.text(), date.start())) {
            // a date the clause took from the listing it belongs to
            return strip(text);
        }
        String after = strip(text.substring(date.end(), Math.max(date.end(), until)));
        if (!after.isEmpty()) {
            return after;
        }
        String before = strip(text.substring(0, date.start()));
        return before.isEmpty() ? date.text() : before;
    }

    /** {@code piece} without punctuation at either end (quotes kept when they open or close a name inside). */
    private static String strip(String piece) {
        int from = 0;
        int to = piece.length();
        while (from < to && MARKS.indexOf(piece.charAt(from)) >= 0 && OPENERS.indexOf(piece.charAt(from)) < 0) {
            from++;
        }
        while (to > from && MARKS.indexOf(piece.charAt(to - 1)) >= 0 && CLOSERS.indexOf(piece.charAt(to - 1)) < 0) {
            to--;
        }
        String stripped = piece.substring(from, to);
        // an unpaired closing quote left by a date cut out of a quoted list: 12月份完成准备” → 完成准备
        if (!stripped.isEmpty() && CLOSERS.indexOf(stripped.charAt(stripped.length() - 1)) >= 0
                && stripped.chars().noneMatch(c -> OPENERS.indexOf(c) >= 0)) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
