package io.shardhome.filter.csv;

import java.util.Arrays;

/**
 * Splits one line into fields separated by runs of whitespace and commas, remembering each field's
 * 1-based column. Reused line after line by one parser; not thread-safe.
 *
 * <p>After {@code fieldsBeforeComment} fields, a field that starts with {@code #} begins a trailing
 * comment that runs to the end of the line. Before that, {@code #} is an ordinary character, so the
 * home {@code #LOCAL} is a value.
 */
final class LineFields {
    private String[] values = new String[4];
    private int[] columns = new int[4];
    private int count;
    private int endColumn;

    void split(String line, int fieldsBeforeComment) {
        count = 0;
        endColumn = 1;
        int length = line.length();
        int i = 0;
        while (true) {
            while (i < length && isSeparator(line.charAt(i))) {
                i++;
            }
            if (i >= length || (count >= fieldsBeforeComment && line.charAt(i) == '#')) {
                return;
            }
            int start = i;
            while (i < length && !isSeparator(line.charAt(i))) {
                i++;
            }
            add(line.substring(start, i), start + 1);
            endColumn = i + 1;
        }
    }

    int count() {
        return count;
    }

    String value(int index) {
        return values[index];
    }

    int column(int index) {
        return columns[index];
    }

    /** The column just after the last field: where a missing field would start. */
    int endColumn() {
        return endColumn;
    }

    /** The fields joined by single blanks, for messages. */
    String joined() {
        return String.join(" ", Arrays.copyOf(values, count));
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == '\t' || Character.isWhitespace(c);
    }

    private void add(String value, int column) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
            columns = Arrays.copyOf(columns, count * 2);
        }
        values[count] = value;
        columns[count] = column;
        count++;
    }
}
