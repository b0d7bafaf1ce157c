package dev.curtain.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value that remembers where it was read (line and column), and the JSON path to it. This is the
 * file-shaped layer between Jackson and the scenario model: Jackson's streaming parser builds it, Jackson's
 * generator writes it, and the model never sees it. Jackson's own tree ({@code JsonNode}) forgets locations,
 * and a validator that names {@code FILE:LINE:COL} for every error needs them.
 *
 * <p>Only plain data: no type information is ever read from a document, nothing is resolved or fetched.
 * Object members keep the order they were written in.
 */
public abstract sealed class Json permits Json.Obj, Json.Arr, Json.Seq, Json.Str, Json.Num, Json.Bool, Json.Null {

    /** Where a value starts in its document, and its JSON path; {@link #NOWHERE} for values built in code. */
    public record Loc(int line, int column, String path) {
        public static final Loc NOWHERE = new Loc(0, 0, "$");
    }

    private final Loc loc;

    private Json(Loc loc) {
        this.loc = Objects.requireNonNull(loc, "loc");
    }

    public Loc loc() {
        return loc;
    }

    /** The JSON type's name, for "expected a string, found a number". */
    public abstract String typeName();

    // ---- values --------------------------------------------------------------------------------------------

    /** An object; members keep their order. */
    public static final class Obj extends Json {
        private final Map<String, Json> members = new LinkedHashMap<>();
        private final Map<String, Loc> keyLocs = new LinkedHashMap<>();

        public Obj() {
            this(Loc.NOWHERE);
        }

        Obj(Loc loc) {
            super(loc);
        }

        public String typeName() { return "an object"; }

        /** Adds a member (builder style); a null value is skipped, so optional fields can be passed as they are. */
        public Obj put(String key, Json value) {
            if (value != null) {
                members.put(key, value);
            }
            return this;
        }

        public Obj put(String key, String value) { return value == null ? this : put(key, new Str(value)); }
        public Obj put(String key, long value) { return put(key, Num.of(value)); }
        public Obj put(String key, boolean value) { return put(key, new Bool(value)); }
        public Obj putNull(String key) { return put(key, new Null(Loc.NOWHERE)); }

        void putRead(String key, Loc keyLoc, Json value) {
            members.put(key, value);
            keyLocs.put(key, keyLoc);
        }

        public Map<String, Json> members() { return Collections.unmodifiableMap(members); }
        public Json get(String key) { return members.get(key); }
        public boolean has(String key) { return members.containsKey(key); }
        /** Where the member's key was written (for "unknown field"), else where the object starts. */
        public Loc keyLoc(String key) { return keyLocs.getOrDefault(key, loc()); }
    }

    /** An array. */
    public static final class Arr extends Json {
        private final List<Json> items = new ArrayList<>();

        public Arr() {
            this(Loc.NOWHERE);
        }

        Arr(Loc loc) {
            super(loc);
        }

        public String typeName() { return "an array"; }

        public Arr add(Json v) {
            items.add(Objects.requireNonNull(v));
            return this;
        }

        public Arr add(String v) { return add(new Str(v)); }

        public List<Json> items() { return Collections.unmodifiableList(items); }
        public int size() { return items.size(); }
    }

    /**
     * An array for writing only, whose items are made one at a time as they are written: a report of a million
     * goroutines is then never held whole as a tree (it would take about 600 bytes per goroutine).
     */
    public static final class Seq extends Json {
        private final int size;
        private final java.util.function.IntFunction<Json> item;

        public Seq(int size, java.util.function.IntFunction<Json> item) {
            super(Loc.NOWHERE);
            this.size = size;
            this.item = Objects.requireNonNull(item);
        }

        public String typeName() { return "an array"; }
        public int size() { return size; }
        /** Makes item {@code i} afresh. */
        public Json item(int i) { return item.apply(i); }
    }

    /** A string. */
    public static final class Str extends Json {
        private final String value;

        public Str(String value) {
            this(value, Loc.NOWHERE);
        }

        Str(String value, Loc loc) {
            super(loc);
            this.value = Objects.requireNonNull(value);
        }

        public String typeName() { return "a string"; }
        public String value() { return value; }
    }

    /** A number, kept exactly as written so integers of any size can be range-checked. */
    public static final class Num extends Json {
        private final BigDecimal value;
        private final boolean integral;

        Num(BigDecimal value, boolean integral, Loc loc) {
            super(loc);
            this.value = value;
            this.integral = integral;
        }

        public static Num of(long v) {
            return new Num(BigDecimal.valueOf(v), true, Loc.NOWHERE);
        }

        /** A decimal number (written with a fraction, as given). */
        public static Num of(BigDecimal v) {
            return new Num(v, false, Loc.NOWHERE);
        }

        public String typeName() { return integral ? "an integer" : "a number"; }
        public BigDecimal value() { return value; }
        /** Written without a fraction or exponent. */
        public boolean integral() { return integral; }
    }

    /** true or false. */
    public static final class Bool extends Json {
        private final boolean value;

        public Bool(boolean value) {
            this(value, Loc.NOWHERE);
        }

        Bool(boolean value, Loc loc) {
            super(loc);
            this.value = value;
        }

        public String typeName() { return "a boolean"; }
        public boolean value() { return value; }
    }

    /** null. */
    public static final class Null extends Json {
        public Null() {
            this(Loc.NOWHERE);
        }

        Null(Loc loc) {
            super(loc);
        }

        public String typeName() { return "null"; }
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** A document that is not JSON (or breaks a structural limit), with where the parser stopped. */
    public static final class SyntaxError extends Exception {
        private final int line;
        private final int column;
        private final String path;

        SyntaxError(String message, int line, int column, String path) {
            super(message);
            this.line = line;
            this.column = column;
            this.path = path;
        }

        public int line() { return line; }
        public int column() { return column; }
        public String path() { return path; }
    }

    /**
     * Parses one JSON document. Duplicate keys (a silent "last one wins" would hide a mistake), trailing content
     * and nesting deeper than {@code maxDepth} are errors; comments and other extensions are not accepted.
     */
    public static Json parse(byte[] document, int maxDepth) throws SyntaxError {
        return parse(Utf8Text.decode(document), maxDepth);
    }

    /** Parses one JSON document already decoded to text (see {@link #parse(byte[], int)}). */
    public static Json parse(String document, int maxDepth) throws SyntaxError {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth + 1)
                        // Numbers are measured here, where the value's own line and path are known (the parser's
                        // check fires while it reads ahead, with no location).
                        .maxNumberLength(Integer.MAX_VALUE).build())
                .build();
        Reader r = new Reader(maxDepth);
        try (JsonParser p = factory.createParser(document)) {
            r.parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SyntaxError("the file is empty (a scenario is one JSON object)", 1, 1, "$");
            }
            Json root = r.value(t, "$", 1);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the document", l.getLineNr(),
                        l.getColumnNr(), "$");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // A size limit of the parser (a number of thousands of digits): it carries no location of its own, so
            // the error is put where the parser stopped, at the value being read.
            JsonLocation l = r.parser == null ? null : r.parser.currentLocation();
            int line = l == null ? 1 : Math.max(1, l.getLineNr());
            int col = l == null ? 1 : Math.max(1, l.getColumnNr());
            throw new SyntaxError(constraintMessage(e.getOriginalMessage()), line, col, r.path);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            int line = l == null ? 1 : Math.max(1, l.getLineNr());
            int col = l == null ? 1 : Math.max(1, l.getColumnNr());
            // in the author's words, where the fix goes (a missing comma after the value before, not at the next)
            JsonSyntaxWords.Placed w = JsonSyntaxWords.explain(firstLine(e.getOriginalMessage()), document, line,
                    col, l == null ? -1 : l.getCharOffset());
            throw new SyntaxError(w.message(), w.line(), w.column(), r.path);
        } catch (IOException e) {
            // Parsing a string in memory does no I/O; anything here is the parser failing on odd text.
            throw new SyntaxError("invalid JSON: " + firstLine(e.getMessage()), 1, 1, r.path);
        }
    }

    private static final java.util.regex.Pattern NUMBER_TOO_LONG =
            java.util.regex.Pattern.compile("Number value length \\(([0-9]+)\\) exceeds the maximum allowed \\(([0-9]+).*");

    /** Jackson's words for a broken size limit, without its class and method names. */
    private static String constraintMessage(String jackson) {
        String m = firstLine(jackson);
        java.util.regex.Matcher n = NUMBER_TOO_LONG.matcher(m);
        if (n.matches()) {
            return "a number of " + n.group(1) + " digits (numbers have at most " + n.group(2) + ")";
        }
        int from = m.indexOf(", from `");
        return "the document breaks a size limit: " + (from < 0 ? m : m.substring(0, from) + ")");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed document";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The longest number text read (Jackson's own default); no field of any format needs more than 20 digits. */
    static final int MAX_NUMBER_LENGTH = 1000;

    /** Recursive descent over the token stream; depth is bounded, so recursion is too. */
    private static final class Reader {
        private final int maxDepth;
        JsonParser parser;
        String path = "$";

        Reader(int maxDepth) {
            this.maxDepth = maxDepth;
        }

        private Loc here(String at) {
            JsonLocation l = parser.currentTokenLocation();
            return new Loc(l.getLineNr(), l.getColumnNr(), at);
        }

        Json value(JsonToken t, String at, int depth) throws IOException, SyntaxError {
            path = at;
            Loc loc = here(at);
            switch (t) {
                case START_OBJECT -> {
                    checkDepth(loc, depth);
                    Obj o = new Obj(loc);
                    JsonToken k;
                    while ((k = parser.nextToken()) == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        String child = at + memberPath(key);
                        Loc keyLoc = here(child);
                        checkText(key, keyLoc);
                        path = child;
                        if (o.has(key)) {
                            Loc firstAt = o.keyLoc(key);
                            throw new SyntaxError("duplicate field \"" + key + "\" (first written at line "
                                    + firstAt.line() + ", column " + firstAt.column() + ")", keyLoc.line(),
                                    keyLoc.column(), child);
                        }
                        o.putRead(key, keyLoc, value(parser.nextToken(), child, depth + 1));
                    }
                    return o;
                }
                case START_ARRAY -> {
                    checkDepth(loc, depth);
                    Arr a = new Arr(loc);
                    JsonToken n;
                    int i = 0;
                    path = at + "[0]";
                    while ((n = parser.nextToken()) != JsonToken.END_ARRAY) {
                        a.add(value(n, at + "[" + i++ + "]", depth + 1));
                        path = at + "[" + i + "]";
                    }
                    return a;
                }
                case VALUE_STRING -> {
                    String text = parser.getText();
                    checkText(text, loc);
                    return new Str(text, loc);
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    if (parser.getTextLength() > MAX_NUMBER_LENGTH) {
                        throw new SyntaxError("a number of " + parser.getTextLength() + " characters (numbers have at "
                                + "most " + MAX_NUMBER_LENGTH + ")", loc.line(), loc.column(), at);
                    }
                    return t == JsonToken.VALUE_NUMBER_INT
                            ? new Num(new BigDecimal(parser.getBigIntegerValue()), true, loc)
                            : new Num(parser.getDecimalValue(), false, loc);
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return new Bool(t == JsonToken.VALUE_TRUE, loc);
                }
                case VALUE_NULL -> {
                    return new Null(loc);
                }
                default -> throw new SyntaxError("invalid JSON: unexpected " + t, loc.line(), loc.column(), at);
            }
        }

        /**
         * A "\\ud800" escape with no partner is valid JSON but no text: it could never be written back as UTF-8, so
         * a file holding one would load and then fail to save.
         */
        private static void checkText(String text, Loc loc) throws SyntaxError {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new SyntaxError(String.format(java.util.Locale.ROOT, "a string holds a lone surrogate "
                            + "(\\u%04x), half of a character, which no text file can hold", (int) c), loc.line(),
                            loc.column(), loc.path());
                }
            }
        }

        private void checkDepth(Loc loc, int depth) throws SyntaxError {
            if (depth > maxDepth) {
                throw new SyntaxError("nested deeper than " + maxDepth + " levels", loc.line(), loc.column(),
                        loc.path());
            }
        }
    }

    /** ".name" for plain keys, "['odd key']" otherwise, as JSONPath writes them. */
    static String memberPath(String key) {
        if (key.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            return "." + key;
        }
        return "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /** The value as JSON text: two-space indented and ending in a newline when {@code pretty}, else one line. */
    public static String write(Json value, boolean pretty) {
        StringWriter out = new StringWriter();
        write(value, pretty, out);
        return out.toString();
    }

    /** Writes the value as {@link #write(Json, boolean)} would return it, straight to {@code out} (left open). */
    public static void write(Json value, boolean pretty, java.io.Writer out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            if (pretty) {
                DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                        .withSeparators(Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
                g.setPrettyPrinter(new CompactEmptyPrinter(pp));
            }
            emit(g, value);
            g.flush();
            if (pretty) {
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's pretty printer, except that empty arrays and objects print as [] and {} rather than [ ] and { }. */
    private static final class CompactEmptyPrinter extends DefaultPrettyPrinter {
        CompactEmptyPrinter(DefaultPrettyPrinter configured) {
            super(configured);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new CompactEmptyPrinter(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, nrOfValues);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                if (!_objectIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, nrOfEntries);
        }
    }

    private static void emit(JsonGenerator g, Json v) throws IOException {
        if (v instanceof Obj o) {
            g.writeStartObject();
            for (Map.Entry<String, Json> e : o.members.entrySet()) {
                g.writeFieldName(e.getKey());
                emit(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Arr a) {
            g.writeStartArray();
            for (Json item : a.items) {
                emit(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Seq q) {
            g.writeStartArray();
            for (int i = 0; i < q.size; i++) {
                emit(g, q.item(i));
            }
            g.writeEndArray();
        } else if (v instanceof Str s) {
            g.writeString(s.value);
        } else if (v instanceof Num n) {
            if (n.integral) {
                BigInteger i = n.value.toBigIntegerExact();
                g.writeNumber(i);
            } else {
                g.writeNumber(n.value);
            }
        } else if (v instanceof Bool b) {
            g.writeBoolean(b.value);
        } else {
            g.writeNull();
        }
    }
}
