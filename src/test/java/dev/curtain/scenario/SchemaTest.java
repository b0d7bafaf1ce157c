package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schema names exactly what the reader accepts, so editors and Curtain agree. */
class SchemaTest {
    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws Exception {
        schema = new ObjectMapper().readTree(ScenarioFiles.schema());
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode def(String name) {
        return schema.get("$defs").get(name);
    }

    @Test
    void topLevelAndNestedObjectsListTheReadersFields() {
        JsonNode props = schema.get("properties");
        assertThat(keys(props)).containsExactlyElementsOf(FormatV1.TOP_LEVEL);
        assertThat(keys(props.get("limits").get("properties"))).containsExactlyElementsOf(FormatV1.LIMITS);
        assertThat(keys(props.get("process").get("properties"))).containsExactlyElementsOf(FormatV1.PROCESS);
        assertThat(keys(props.get("view").get("properties"))).containsExactlyElementsOf(FormatV1.VIEW);
        assertThat(texts(props.get("view").get("properties").get("theme").get("enum")))
                .containsExactlyElementsOf(FormatV1.THEMES);
        assertThat(texts(props.get("view").get("properties").get("panels").get("items").get("enum")))
                .containsExactlyElementsOf(FormatV1.PANELS);
        assertThat(keys(def("cue").get("properties"))).containsExactlyElementsOf(FormatV1.CUE);
        assertThat(keys(def("cue").get("properties").get("when").get("properties")))
                .containsExactlyElementsOf(FormatV1.WHEN);
        assertThat(texts(def("cue").get("properties").get("when").get("properties").get("event").get("enum")))
                .containsExactlyElementsOf(FormatV1.eventNames());
        assertThat(texts(schema.get("required"))).containsExactly("format", "title", "functions");
    }

    @Test
    void everyOperationHasADefinitionWithExactlyItsFields() {
        assertThat(texts(def("statement").get("properties").get("op").get("enum")))
                .containsExactlyElementsOf(OpFormats.keys());
        assertThat(def("statement").get("oneOf")).hasSize(OpFormats.ALL.size());
        for (OpFormat op : OpFormats.ALL) {
            JsonNode d = def("op_" + op.key());
            assertThat(d).as(op.key()).isNotNull();
            assertThat(d.get("properties").get("op").get("const").asText()).isEqualTo(op.key());
            List<String> fields = keys(d.get("properties"));
            fields.removeAll(List.of("op", "line"));
            assertThat(fields).as(op.key()).containsExactlyElementsOf(op.fieldKeys());
            assertThat(d.get("additionalProperties").asBoolean(true)).as(op.key()).isFalse();
        }
    }

    @Test
    void theShippedSchemasOperationsAreTheOnesTheOpDefinitionsDescribe() throws Json.SyntaxError {
        // The jar carries the schema as a file for editors; the operations' entries in it are derived from
        // OpFormats. Rewriting them from the definitions must give back the shipped text byte for byte.
        String shipped = ScenarioFiles.schema();
        Json.Obj doc = (Json.Obj) Json.parse(shipped, FormatV1.MAX_DEPTH);
        assertThat(Json.write(doc, true)).as("the shipped schema is in the writer's layout").isEqualTo(shipped);
        Json.Obj defs = (Json.Obj) doc.get("$defs");
        assertThat(defs.members().keySet().stream().filter(k -> k.startsWith("op_")).toList())
                .containsExactlyElementsOf(OpFormats.ALL.stream().map(OpFormat::schemaName).toList());
        defs.put("statement", OpFormats.statementSchema());
        for (OpFormat op : OpFormats.ALL) {
            defs.put(op.schemaName(), op.schema());
        }
        assertThat(Json.write(doc, true)).isEqualTo(shipped);
    }

    @Test
    void theSchemaNeverPointsOutsideItself() {
        // $ref values are local ("#/..."): validating a file never fetches anything.
        List<String> refs = new ArrayList<>();
        collectRefs(schema, refs);
        assertThat(refs).isNotEmpty().allMatch(r -> r.startsWith("#/$defs/"));
        for (String r : refs) {
            assertThat(def(r.substring("#/$defs/".length()))).as(r).isNotNull();
        }
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
