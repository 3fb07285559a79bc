package dev.closeout.integrations.jira.fake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of JQL a sync service sends: clauses joined by AND over project, labels, key, updated, created, and an
 * optional ORDER BY. Anything else is rejected with a 400 the way Jira's parser would reject it.
 */
final class Jql {

    /** A parsed query; {@code bounded} is false when there is no restriction at all (Jira refuses those on /search/jql). */
    record Query(Predicate<FakeIssue> filter, Comparator<FakeIssue> order, boolean bounded) {}

    static final class JqlException extends RuntimeException {
        JqlException(String message) {
            super(message);
        }
    }

    private record Token(String text, boolean quoted) {
        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|(!=|>=|<=|=|>|<|~|\\(|\\)|,)|([^\\s\"'=!<>~(),]+))");
    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)([wdhm]?)");
    private static final List<DateTimeFormatter> MINUTE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd"), DateTimeFormatter.ofPattern("yyyy-MM-dd"));

    private final List<Token> tokens;
    private final Instant now;
    private final ZoneId zone;
    private final Predicate<String> projectExists;
    private int pos;

    private Jql(List<Token> tokens, Instant now, ZoneId zone, Predicate<String> projectExists) {
        this.tokens = tokens;
        this.now = now;
        this.zone = zone;
        this.projectExists = projectExists;
    }

    /** Parses {@code jql}; relative dates are taken from {@code now}, absolute ones in the site {@code zone}. */
    static Query parse(String jql, Instant now, ZoneId zone, Predicate<String> projectExists) {
        return new Jql(tokenize(jql == null ? "" : jql), now, zone, projectExists).query();
    }

    private static List<Token> tokenize(String jql) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(jql);
        int at = 0;
        while (at < jql.length() && !jql.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                int bad = at;
                while (Character.isWhitespace(jql.charAt(bad))) {
                    bad++;
                }
                throw new JqlException("Error in the JQL Query: The character '" + jql.charAt(bad)
                        + "' is a reserved JQL character. (line 1, character " + (bad + 1) + ")");
            }
            if (m.group(1) != null || m.group(2) != null) {
                String raw = m.group(1) != null ? m.group(1) : m.group(2);
                out.add(new Token(raw.replaceAll("\\\\(.)", "$1"), true));
            } else {
                out.add(new Token(m.group(3) != null ? m.group(3) : m.group(4), false));
            }
            at = m.end();
        }
        return out;
    }

    private Query query() {
        List<Predicate<FakeIssue>> clauses = new ArrayList<>();
        if (!atEnd() && !peek().is("order")) {
            clauses.add(clause());
            while (!atEnd() && peek().is("and")) {
                pos++;
                clauses.add(clause());
            }
        }
        Comparator<FakeIssue> order = Comparator.comparing(i -> Long.parseLong(i.id()));
        if (!atEnd()) {
            expectWord("order");
            expectWord("by");
            Comparator<FakeIssue> sort = orderItem();
            while (!atEnd() && peek().text().equals(",")) {
                pos++;
                sort = sort.thenComparing(orderItem());
            }
            order = sort.thenComparing(order);
        }
        if (!atEnd()) {
            throw error("Expecting either 'OR' or 'AND' but got '" + peek().text() + "'");
        }
        Predicate<FakeIssue> filter = clauses.stream().reduce(i -> true, Predicate::and);
        return new Query(filter, order, !clauses.isEmpty());
    }

    private Comparator<FakeIssue> orderItem() {
        String field = next("a field name").text().toLowerCase(Locale.ROOT);
        Comparator<FakeIssue> c = switch (field) {
            case "updated" -> Comparator.comparing(FakeIssue::updated);
            case "created" -> Comparator.comparing(FakeIssue::created);
            case "key", "issuekey" -> Comparator.comparing((FakeIssue i) -> i.project())
                    .thenComparing(i -> Long.parseLong(i.key().substring(i.key().lastIndexOf('-') + 1)));
            default -> throw unknownField(field);
        };
        if (!atEnd() && (peek().is("asc") || peek().is("desc"))) {
            if (next("").is("desc")) {
                c = c.reversed();
            }
        }
        return c;
    }

    private Predicate<FakeIssue> clause() {
        String field = next("a field name").text().toLowerCase(Locale.ROOT);
        return switch (field) {
            case "project" -> listClause(field, (issue, v) -> issue.project().equalsIgnoreCase(v) || issue.project.id().equals(v), true);
            case "labels" -> labelsClause();
            case "key", "issuekey" -> listClause(field, Jql::hasKey, false);
            case "updated", "updateddate" -> dateClause(FakeIssue::updated);
            case "created", "createddate" -> dateClause(FakeIssue::created);
            default -> throw unknownField(field);
        };
    }

    private static boolean hasKey(FakeIssue issue, String value) {
        return issue.key().equalsIgnoreCase(value) || issue.id().equals(value)
                || issue.previousKeys.stream().anyMatch(k -> k.equalsIgnoreCase(value));
    }

    private interface ValueMatch {
        boolean matches(FakeIssue issue, String value);
    }

    private Predicate<FakeIssue> listClause(String field, ValueMatch match, boolean isProject) {
        boolean negate = false;
        List<String> values;
        Token op = next("an operator");
        if (op.is("not")) {
            expectWord("in");
            negate = true;
            values = valueList();
        } else if (op.is("in")) {
            values = valueList();
        } else if (op.text().equals("=") || op.text().equals("!=")) {
            negate = op.text().equals("!=");
            values = List.of(value());
        } else {
            throw error("The operator '" + op.text() + "' is not supported by the '" + field + "' field.");
        }
        if (isProject) {
            values.stream().filter(v -> !projectExists.test(v)).findFirst().ifPresent(v -> {
                throw new JqlException("The value '" + v + "' does not exist for the field 'project'.");
            });
        }
        List<String> vs = values;
        Predicate<FakeIssue> p = issue -> vs.stream().anyMatch(v -> match.matches(issue, v));
        return negate ? p.negate() : p;
    }

    private Predicate<FakeIssue> labelsClause() {
        if (!atEnd() && peek().is("is")) {
            pos++;
            boolean not = !atEnd() && peek().is("not");
            if (not) {
                pos++;
            }
            expectWord("empty");
            Predicate<FakeIssue> empty = issue -> issue.labels.isEmpty();
            return not ? empty.negate() : empty;
        }
        return listClause("labels", (issue, v) -> issue.labels.contains(v), false);
    }

    private Predicate<FakeIssue> dateClause(java.util.function.Function<FakeIssue, Instant> field) {
        Token op = next("an operator");
        Instant t = instant(next("a date"));
        return switch (op.text()) {
            case ">=" -> i -> !field.apply(i).isBefore(t);
            case ">" -> i -> field.apply(i).isAfter(t);
            case "<=" -> i -> !field.apply(i).isAfter(t);
            case "<" -> i -> field.apply(i).isBefore(t);
            case "=" -> i -> field.apply(i).equals(t);
            default -> throw error("The operator '" + op.text() + "' is not supported by date fields.");
        };
    }

    /** Relative periods ("-15m", unit m by default), bare numbers as epoch millis, absolute dates at minute resolution. */
    private Instant instant(Token token) {
        String v = token.text().trim();
        Matcher rel = RELATIVE.matcher(v);
        if (rel.matches()) {
            long n = Long.parseLong(rel.group(2)) * ("-".equals(rel.group(1)) ? -1 : 1);
            Duration unit = switch (rel.group(3)) {
                case "w" -> Duration.ofDays(7);
                case "d" -> Duration.ofDays(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofMinutes(1);
            };
            return now.plus(unit.multipliedBy(n));
        }
        if (v.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        for (DateTimeFormatter f : MINUTE_FORMATS) {
            try {
                return LocalDateTime.parse(v, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        for (DateTimeFormatter f : DAY_FORMATS) {
            try {
                return LocalDate.parse(v, f).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        throw new JqlException("Date value '" + v + "' for field 'updated' is invalid. Valid formats include: "
                + "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
    }

    private List<String> valueList() {
        expectText("(");
        List<String> values = new ArrayList<>();
        values.add(value());
        while (peekText(",")) {
            pos++;
            values.add(value());
        }
        expectText(")");
        return values;
    }

    private String value() {
        Token t = next("a value");
        if (!t.quoted() && List.of("(", ")", ",").contains(t.text())) {
            throw error("Expecting a value but got '" + t.text() + "'");
        }
        return t.text();
    }

    private boolean atEnd() {
        return pos >= tokens.size();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean peekText(String text) {
        return !atEnd() && !peek().quoted() && peek().text().equals(text);
    }

    private Token next(String expected) {
        if (atEnd()) {
            throw error("Expecting " + expected + " but reached the end of the query");
        }
        return tokens.get(pos++);
    }

    private void expectWord(String word) {
        if (!next("'" + word + "'").is(word)) {
            throw error("Expecting '" + word.toUpperCase(Locale.ROOT) + "' but got '" + tokens.get(pos - 1).text() + "'");
        }
    }

    private void expectText(String text) {
        Token t = next("'" + text + "'");
        if (t.quoted() || !t.text().equals(text)) {
            throw error("Expecting '" + text + "' but got '" + t.text() + "'");
        }
    }

    private JqlException error(String detail) {
        return new JqlException("Error in the JQL Query: " + detail + ".");
    }

    private static JqlException unknownField(String field) {
        return new JqlException("Field '" + field + "' does not exist or you do not have permission to view it.");
    }
}
