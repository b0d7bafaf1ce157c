package dev.curtain.scenario;

import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.OpKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Everything format version 1 says about one operation: the key {@code "op"} names it by, its fields with their
 * defaults, how a statement is read into an {@link Op} and written back, and its entry in the JSON Schema.
 * {@link OpFormats} lists them all.
 */
final class OpFormat {
    /** Reads an operation from a statement whose {@code "op"} and fields are known to fit; null after an error. */
    interface Reader {
        Op read(ScenarioReader r, Json.Obj statement);
    }

    private final String key;
    private final OpKind kind;
    private final String description;
    private final List<OpField<?>> fields;
    private final Reader reader;
    private final BiConsumer<Op, Json.Obj> writer;
    private final Json.Arr schemaOneOf;

    private OpFormat(String key, OpKind kind, String description, List<OpField<?>> fields, Reader reader,
            BiConsumer<Op, Json.Obj> writer, Json.Arr schemaOneOf) {
        this.key = key;
        this.kind = kind;
        this.description = description;
        this.fields = List.copyOf(fields);
        this.reader = reader;
        this.writer = writer;
        this.schemaOneOf = schemaOneOf;
    }

    /** An operation whose statements hold an {@code O}; {@code writer} puts its fields (not "op" or "line"). */
    static <O extends Op> OpFormat of(String key, OpKind kind, Class<O> type, String description,
            List<OpField<?>> fields, Reader reader, BiConsumer<O, Json.Obj> writer) {
        return new OpFormat(key, kind, description, fields, reader, (op, out) -> writer.accept(type.cast(op), out),
                null);
    }

    /** The same operation with alternatives the schema adds to its fields (a loop's times or forever). */
    OpFormat withSchemaOneOf(Json.Arr alternatives) {
        return new OpFormat(key, kind, description, fields, reader, writer, alternatives);
    }

    /** What {@code "op"} is for this operation. */
    String key() {
        return key;
    }

    OpKind kind() {
        return kind;
    }

    /** The fields besides "op" and "line", in the order files write them. */
    List<String> fieldKeys() {
        List<String> out = new ArrayList<>();
        for (OpField<?> f : fields) {
            out.add(f.key());
        }
        return out;
    }

    Op read(ScenarioReader r, Json.Obj statement) {
        return reader.read(r, statement);
    }

    void write(Op op, Json.Obj statement) {
        writer.accept(op, statement);
    }

    /** The name of its entry in the schema's {@code $defs}. */
    String schemaName() {
        return "op_" + key;
    }

    /** Its entry in the JSON Schema: exactly its fields, "op" fixed to its key. */
    Json.Obj schema() {
        Json.Obj properties = new Json.Obj()
                .put("op", new Json.Obj().put("const", key))
                .put("line", OpField.ref("line"));
        Json.Arr required = new Json.Arr().add("op");
        for (OpField<?> f : fields) {
            properties.put(f.key(), f.schema());
            if (f.required()) {
                required.add(f.key());
            }
        }
        return new Json.Obj()
                .put("description", description)
                .put("type", "object")
                .put("properties", properties)
                .put("required", required)
                .put("additionalProperties", false)
                .put("oneOf", schemaOneOf);
    }
}
