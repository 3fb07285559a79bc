package dev.closeout.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table aligned for a terminal: a header, a rule, one line per row; numbers right-aligned, everything
 * else left-aligned, null shown as "-".
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<?>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public TextTable row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + header.size());
        }
        rows.add(cells);
        return this;
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<?> row : rows) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, false);
        for (int i = 0; i < widths.length; i++) {
            out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.append('\n');
        for (List<?> row : rows) {
            line(out, row, widths, true);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String text = cell(cells.get(i));
            boolean right = alignNumbers && cells.get(i) instanceof Number;
            String pad = " ".repeat(widths[i] - text.length());
            line.append(i == 0 ? "" : "  ").append(right ? pad + text : text + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object value) {
        return Objects.toString(value, "-");
    }
}
