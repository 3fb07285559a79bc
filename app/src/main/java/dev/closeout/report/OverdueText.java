package dev.closeout.report;

import dev.closeout.action.ActionItemResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The overdue report for a terminal: the headline, the ages and teams, then the items with their text cut. */
final class OverdueText {

    /** The width the item lines are kept within, a terminal's usual. */
    static final int WIDTH = 100;
    private static final int NARROWEST_TEXT = 20;
    private static final List<String> ITEM_HEADER = List.of("id", "team", "owner", "due", "days", "text");
    private static final String CUT = "...";

    private OverdueText() {
    }

    static String of(OverdueReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Overdue on ").append(report.asOf()).append(": ").append(report.total())
                .append(report.total() == 1 ? " follow-up" : " follow-ups").append("; due within ")
                .append(FollowupRules.DUE_SOON_DAYS).append(" days: ").append(report.dueSoon()).append("\n\n");
        TextTable ages = new TextTable(List.of("days overdue", "count"));
        report.byAge().forEach(age -> ages.row(List.of(age.bucket().label(), age.count())));
        out.append(ages.render()).append('\n');
        TextTable teams = new TextTable(List.of("team", "count"));
        report.byTeam().forEach(team -> teams.row(Arrays.asList(team.team(), team.count())));
        out.append(teams.render());
        if (report.items().isEmpty()) {
            return out.toString();
        }
        out.append('\n').append(items(report.items()));
        if (report.next() != null) {
            out.append(report.items().size()).append(" of ").append(report.total())
                    .append(" shown, most overdue first; every one: --format csv\n");
        }
        return out.toString();
    }

    private static String items(List<OverdueItem> items) {
        List<List<Object>> rows = items.stream().map(item -> {
            ActionItemResponse followup = item.followup();
            return Arrays.<Object>asList(followup.id(), followup.team(), followup.owner(), followup.due(),
                    item.daysOverdue(), followup.text());
        }).toList();
        // what is left of the width after the other columns and their two-space gaps
        int others = 0;
        for (int column = 0; column < ITEM_HEADER.size() - 1; column++) {
            int index = column;
            others += Stream.concat(Stream.of(ITEM_HEADER.get(index)),
                            rows.stream().map(row -> Objects.toString(row.get(index), "-")))
                    .mapToInt(String::length).max().orElse(0) + 2;
        }
        int textWidth = Math.max(NARROWEST_TEXT, WIDTH - others);
        TextTable table = new TextTable(ITEM_HEADER);
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(row);
            cells.set(cells.size() - 1, cut((String) row.get(row.size() - 1), textWidth));
            table.row(cells);
        }
        return table.render();
    }

    /** {@code text} on one line, cut to {@code width} characters with "..." when longer. */
    static String cut(String text, int width) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= width ? line : line.substring(0, width - CUT.length()).stripTrailing() + CUT;
    }
}
