package dev.curtain.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a JSON syntax error in a scenario author's words, at the place the fix goes. The parser notices a missing
 * comma only at the next token ("was expecting comma", at the start of line 9), but the comma belongs after the
 * value that ends line 8: that is where the author must type, so that is where the error points.
 */
final class JsonSyntaxWords {
    /** What the error says, and where (1-based line and column). */
    record Placed(String message, int line, int column) {
    }

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code \\d+\\)\\):? ?(.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);

    private JsonSyntaxWords() {
    }

    /**
     * The plain-words version of the parser's {@code message} about {@code text}, which it raised at
     * {@code line}:{@code column} ({@code offset} characters in, or -1 when unknown).
     */
    static Placed explain(String message, String text, int line, int column, long offset) {
        String m = message == null ? "" : message;
        Matcher u = UNEXPECTED.matcher(m);
        if (u.matches()) {
            String ch = u.group(1);
            String rest = u.group(2);
            int before = previousIndex(text, offset);
            if ((ch.equals("]") || ch.equals("}")) && before >= 0 && text.charAt(before) == ',') {
                int[] at = position(text, before);
                return new Placed("a comma with nothing after it: JSON allows no comma before '" + ch + "'", at[0],
                        at[1]);
            }
            if (rest.contains("expecting comma")) {
                int[] at = afterPrevious(text, offset, line, column);
                String what = rest.contains("Array") ? "between two items of this list" : "between two fields";
                return new Placed("a comma is missing here, " + what + " (before the " + shown(ch)
                        + " that follows)", at[0], at[1]);
            }
            if (rest.contains("colon")) {
                int[] at = afterPrevious(text, offset, line, column);
                return new Placed("a ':' is missing here, between a field's name and its value", at[0], at[1]);
            }
            if (rest.contains("double-quote to start field name")) {
                if (ch.equals("'")) {
                    return new Placed("names need double quotes (\"name\"), not single ones", line, column);
                }
                return new Placed("a field's name must be in double quotes, and " + shown(ch) + " is not", line,
                        column);
            }
            if (ch.equals("'")) {
                return new Placed("text needs double quotes (\"text\"), not single ones", line, column);
            }
            return new Placed(shown(ch) + " cannot stand here", line, column);
        }
        Matcher t = UNRECOGNIZED.matcher(m);
        if (t.matches()) {
            // the parser stops after the word; the author looks for where it starts
            return new Placed("'" + t.group(1) + "' is not a JSON value: text needs double quotes, and the only bare"
                    + " words are true, false and null", line, Math.max(1, column - t.group(1).length()));
        }
        if (m.startsWith("Unexpected end-of-input")) {
            String what = m.contains("Array") ? "a list is not closed: a ']' is missing"
                    : m.contains("Object") ? "an object is not closed: a '}' is missing"
                    : m.contains("String") || m.contains("string") ? "a text is not closed: a '\"' is missing"
                    : "the file ends in the middle of a value";
            return new Placed("the file ends too soon: " + what, line, column);
        }
        if (m.startsWith("Illegal unquoted character")) {
            return new Placed("a control character (a line break or a tab) inside a text: write it as \\n or \\t",
                    line, column);
        }
        if (m.startsWith("Unexpected close marker")) {
            return new Placed("a closing bracket with nothing open to close: a '[' or '{' is missing before it", line,
                    column);
        }
        return new Placed("invalid JSON: " + m.replaceAll(" \\(code \\d+\\)", ""), line, column);
    }

    private static String shown(String ch) {
        return "'" + ch + "'";
    }

    /** Just after the last character before {@code offset} that is not white space: where a comma goes. */
    private static int[] afterPrevious(String text, long offset, int line, int column) {
        int i = previousIndex(text, offset);
        if (i < 0) {
            return new int[] {line, column};
        }
        int[] at = position(text, i);
        return new int[] {at[0], at[1] + 1};
    }

    private static int previousIndex(String text, long offset) {
        if (text == null || offset <= 0 || offset > text.length()) {
            return -1;
        }
        int i = (int) offset - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** 1-based line and column of character {@code index}, counting columns in characters as the parser does. */
    private static int[] position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }
}
