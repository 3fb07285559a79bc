package dev.closeout.postmortem.evaluation;

import dev.closeout.postmortem.extraction.ExtractedAction;
import dev.closeout.postmortem.extraction.Extraction;
import dev.closeout.postmortem.extraction.IncidentTime;
import dev.closeout.postmortem.extraction.Markup;
import dev.closeout.postmortem.extraction.RootCause;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the engine did on a set of labelled documents: action precision, recall and F1 over the actions
 * paired by {@link ActionMatch}, every other action field on the paired actions, and the document fields
 * per document. Names, groups, owners, priorities and tickets compare without case; titles without markup;
 * times as ISO-8601. Keeps a line for every miss, to read what went wrong.
 */
public final class Score {

    private int documents;
    private int expectedActions;
    private int extractedActions;
    private int matchedActions;
    private final Map<String, FieldScore> fields = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();

    /** Scores what the engine read from the document {@code name} against its label. */
    public void add(String name, Label expected, Extraction got) {
        documents++;
        compare("title", name, normalizeTitle(expected.title()), normalizeTitle(got.title()));
        compare("service", name, lower(expected.service()), lower(got.service()));
        compare("start", name, time(expected.incident().start()), iso(got.incident().startTime()));
        compare("end", name, time(expected.incident().end()), iso(got.incident().endTime()));
        compare("duration", name, expected.incident().durationMinutes(), number(got.incident().durationMinutes()));
        compare("impact", name, expected.impactPercent(), got.impactPercent());
        compare("component", name, expected.rootCause().component(), got.rootCause().component());
        compare("trigger", name, expected.rootCause().trigger(), got.rootCause().trigger());
        addActions(name, expected.actions(), got.actions());
    }

    /** Scores the classification of a one-paragraph root-cause summary against its labelled classes. */
    public void addSummary(String id, @Nullable String component, @Nullable String trigger, RootCause got) {
        documents++;
        compare("component", id, component, got.component());
        compare("trigger", id, trigger, got.trigger());
    }

    private void addActions(String name, List<Label.Action> expected, List<ExtractedAction> got) {
        expectedActions += expected.size();
        extractedActions += got.size();
        List<ActionMatch> pairs = ActionMatch.pair(expected.stream().map(Label.Action::text).toList(),
                got.stream().map(ExtractedAction::text).toList());
        boolean[] expectedMatched = new boolean[expected.size()];
        boolean[] gotMatched = new boolean[got.size()];
        for (ActionMatch pair : pairs) {
            expectedMatched[pair.expected()] = true;
            gotMatched[pair.extracted()] = true;
            matchedActions++;
            Label.Action want = expected.get(pair.expected());
            ExtractedAction have = got.get(pair.extracted());
            String where = name + " action '" + abbreviate(have.text()) + "'";
            compare("action.kind", where, want.kind(), have.kind());
            compare("action.group", where, lower(want.group()), lower(have.group()));
            compare("action.owner", where, lower(want.owner()), lower(have.owner()));
            compare("action.due", where, want.due(), have.due() == null ? null : have.due().toString());
            compare("action.priority", where, lower(want.priority()), lower(have.priority()));
            compare("action.ticket", where, lower(want.ticket()), lower(have.ticket()));
        }
        for (int e = 0; e < expected.size(); e++) {
            if (!expectedMatched[e]) {
                mismatches.add(name + " MISSED action: " + expected.get(e).text());
            }
        }
        for (int g = 0; g < got.size(); g++) {
            if (!gotMatched[g]) {
                mismatches.add(name + " EXTRA action (line " + got.get(g).line() + "): " + got.get(g).text());
            }
        }
    }

    private void compare(String field, String where, @Nullable Object expected, @Nullable Object got) {
        boolean right = Objects.equals(expected, got);
        field(field).add(right);
        if (!right) {
            mismatches.add(where + " " + field + ": expected " + expected + ", got " + got);
        }
    }

    public int documents() {
        return documents;
    }

    public int expectedActions() {
        return expectedActions;
    }

    public int extractedActions() {
        return extractedActions;
    }

    public int matchedActions() {
        return matchedActions;
    }

    /** The share of extracted actions that are labelled ones. */
    public double precision() {
        return extractedActions == 0 ? 0 : (double) matchedActions / extractedActions;
    }

    /** The share of labelled actions that were extracted. */
    public double recall() {
        return expectedActions == 0 ? 0 : (double) matchedActions / expectedActions;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** One field's score; a field never compared scores 1 of 0. */
    public FieldScore field(String name) {
        return fields.computeIfAbsent(name, key -> new FieldScore());
    }

    /** The compared fields in the order they were first compared: document fields, then action fields. */
    public Map<String, FieldScore> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** "NAME field: expected X, got Y", "NAME MISSED action: ...", "NAME EXTRA action (line N): ...". */
    public List<String> mismatches() {
        return Collections.unmodifiableList(mismatches);
    }

    /** The scores as the evaluation prints them, one measure a line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "documents %d%n", documents));
        if (expectedActions > 0) {
            out.append(String.format(Locale.ROOT, "expected actions %d, extracted %d, matched %d%n",
                    expectedActions, extractedActions, matchedActions));
            out.append(String.format(Locale.ROOT, "actions    precision %.3f  recall %.3f  F1 %.3f%n",
                    precision(), recall(), f1()));
        }
        fields.forEach((name, score) -> out.append(String.format(Locale.ROOT, "%-18s %s%n", name, score)));
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 50 ? text : text.substring(0, 47) + "...";
    }

    private static @Nullable String normalizeTitle(@Nullable String title) {
        return title == null ? null : Markup.strip(title).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private static @Nullable String lower(@Nullable String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT).trim();
    }

    private static @Nullable String time(@Nullable String iso) {
        return iso == null ? null : IncidentTime.parse(iso).toIso();
    }

    private static @Nullable String iso(@Nullable IncidentTime time) {
        return time == null ? null : time.toIso();
    }

    private static @Nullable Double number(@Nullable Integer value) {
        return value == null ? null : value.doubleValue();
    }
}
