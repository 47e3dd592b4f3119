package io.lifeboat.cli.ops.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A plain-text table: a header line and aligned columns, numbers right-aligned so that magnitudes line up. */
public final class TextTable {

    private final String[] header;
    private final Set<Integer> rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with these column names; the columns at {@code rightAligned} indexes are right-aligned. */
    public TextTable(List<String> header, Set<Integer> rightAligned) {
        this.header = header.toArray(String[]::new);
        this.rightAligned = Set.copyOf(rightAligned);
    }

    /** Adds a row; a null cell is shown as {@code -}. */
    public TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("a row of this table has " + header.length + " cells, got "
                    + cells.length + ": " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c).toArray(String[]::new));
        return this;
    }

    /** The table as lines ending in a newline, trailing blanks removed. */
    public String render() {
        int[] widths = new int[header.length];
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String padding = " ".repeat(widths[i] - line[i].length());
                text.append(i == 0 ? "" : "  ");
                text.append(rightAligned.contains(i) ? padding + line[i] : line[i] + padding);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
