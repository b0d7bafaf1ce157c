package dev.curtain.scenario;

import dev.curtain.engine.Durations;
import dev.curtain.engine.state.ThreadProps;
import java.util.function.Function;

/**
 * One field of an operation in a file: its key, its JSON Schema, its default, and how it is read (with errors) and
 * written. A field with a default is left out of a saved file when it holds the default.
 *
 * @param <T> the value the field holds once read
 */
final class OpField<T> {
    /** Reads the field from a statement, reporting a problem to the reader and returning null. */
    interface Read<T> {
        T read(ScenarioReader r, Json.Obj statement, String key);
    }

    private final String key;
    private final Json.Obj schema;
    private final boolean required;
    private final T fallback;
    private final Read<T> read;
    private final Function<T, Json> write;

    private OpField(String key, Json.Obj schema, boolean required, T fallback, Read<T> read, Function<T, Json> write) {
        this.key = key;
        this.schema = schema;
        this.required = required;
        this.fallback = fallback;
        this.read = read;
        this.write = write;
    }

    String key() {
        return key;
    }

    /** Whether a statement must name the field (the schema's "required"). */
    boolean required() {
        return required;
    }

    /** The field's entry in the JSON Schema. */
    Json.Obj schema() {
        return schema;
    }

    /** The value, its default when absent, or null after reporting an error. */
    T read(ScenarioReader r, Json.Obj statement) {
        return read.read(r, statement, key);
    }

    /** Puts the value into a statement being written, unless it is the default. */
    void write(Json.Obj statement, T value) {
        if (fallback == null || !fallback.equals(value)) {
            statement.put(key, write.apply(value));
        }
    }

    // ---- the kinds of field operations take -----------------------------------------------------------------

    /** A required duration like "10ms". */
    static OpField<Long> duration(String key) {
        return new OpField<>(key, ref("duration"), true, null,
                (r, o, k) -> r.fields().duration(o, k, 0, FormatV1.MAX_DURATION_NS, null, true),
                ns -> new Json.Str(Durations.format(ns)));
    }

    /** A required string (any text, even empty). */
    static OpField<String> text(String key) {
        return new OpField<>(key, new Json.Obj().put("type", "string"), true, null,
                (r, o, k) -> r.fields().string(o, k, null, true), Json.Str::new);
    }

    /** An optional string, empty when absent. */
    static OpField<String> optionalText(String key) {
        return new OpField<>(key, new Json.Obj().put("type", "string").put("default", ""), false, "",
                (r, o, k) -> r.fields().string(o, k, "", false), Json.Str::new);
    }

    /** A required string the schema asks to be non-empty; the reader takes any string (a syscall's name). */
    static OpField<String> label(String key) {
        return new OpField<>(key, new Json.Obj().put("type", "string").put("minLength", 1), true, null,
                (r, o, k) -> r.fields().string(o, k, null, true), Json.Str::new);
    }

    /** A required string that must not be blank (a namespace's name). */
    static OpField<String> nonBlank(String key) {
        return new OpField<>(key, new Json.Obj().put("type", "string").put("minLength", 1), true, null,
                (r, o, k) -> r.fields().name(o, k, null), Json.Str::new);
    }

    /** A required whole number in min..max. */
    static OpField<Integer> integer(String key, int min, int max) {
        return new OpField<>(key, new Json.Obj().put("type", "integer").put("minimum", min).put("maximum", max),
                true, null, (r, o, k) -> r.fields().integer(o, k, min, max, null, true), n -> Json.Num.of(n));
    }

    /** An optional whole number in min..max with a default. */
    static OpField<Integer> integer(String key, int min, int max, int fallback) {
        return new OpField<>(key, new Json.Obj().put("type", "integer").put("minimum", min).put("maximum", max)
                .put("default", fallback), false, fallback,
                (r, o, k) -> r.fields().integer(o, k, min, max, fallback, false), n -> Json.Num.of(n));
    }

    /** An optional true or false with a default; {@code description} explains it in the schema. */
    static OpField<Boolean> flag(String key, boolean fallback, String description) {
        return new OpField<>(key, new Json.Obj().put("type", "boolean").put("default", fallback)
                .put("description", description), false, fallback,
                (r, o, k) -> r.fields().bool(o, k, fallback), Json.Bool::new);
    }

    /** A required bit mask written as hex; {@code hint} says in the "missing" error what the mask is. */
    static OpField<Long> hex(String key, String hint, Function<Long, String> format) {
        return new OpField<>(key, ref("hex"), true, null, (r, o, k) -> {
            Long v = r.fields().hex(o, k, null);
            if (v == null && !o.has(k)) {
                r.fields().error(o.loc(), "missing required field \"" + k + "\" (" + hint + ")");
            }
            return v;
        }, v -> new Json.Str(format.apply(v)));
    }

    /** Capabilities as 16 hex digits. */
    static OpField<Long> caps(String key, String hint) {
        return hex(key, hint, ThreadProps::capsHex);
    }

    /** A signal mask as 16 hex digits. */
    static OpField<Long> mask(String key, String hint) {
        return hex(key, hint, ThreadProps::maskHex);
    }

    /** One of an enum's constants, spelled as {@code keys} spells it. */
    static <E extends Enum<E>> OpField<E> choice(String key, KeyTable<E> keys) {
        Json.Arr names = new Json.Arr();
        keys.keys().forEach(names::add);
        return new OpField<>(key, new Json.Obj().put("enum", names), true, null,
                (r, o, k) -> r.fields().choice(o, k, keys), v -> new Json.Str(keys.key(v)));
    }

    /** The name of a function of the program, checked once all functions are read. */
    static OpField<String> function(String key) {
        return new OpField<>(key, ref("functionName"), true, null, ScenarioReader::functionRef, Json.Str::new);
    }

    /** The name of a declared channel, checked once all channels are read. */
    static OpField<String> channel(String key) {
        return new OpField<>(key, ref("name"), true, null, ScenarioReader::channelRef, Json.Str::new);
    }

    /**
     * A field whose reading and writing its operation does itself (a loop's times, forever and body): it is here
     * for its key and schema entry only, and its own reader and writer are never called (calling one is a bug).
     */
    static <T> OpField<T> custom(String key, Json.Obj schema, boolean required) {
        return new OpField<>(key, schema, required, null, (r, o, k) -> {
            throw new IllegalStateException(k + " is read by its operation, not by its field");
        }, v -> {
            throw new IllegalStateException(key + " is written by its operation, not by its field");
        });
    }

    static Json.Obj ref(String def) {
        return new Json.Obj().put("$ref", "#/$defs/" + def);
    }
}
