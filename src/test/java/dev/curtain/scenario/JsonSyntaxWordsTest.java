package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** JSON syntax errors in an author's words, at the place the fix goes, never in the parser's. */
class JsonSyntaxWordsTest {
    private static Json.SyntaxError error(String text) {
        return catchThrowableOfType(Json.SyntaxError.class, () -> Json.parse(text, 64));
    }

    @Test
    void aCommaMissingAtTheEndOfALineIsPlacedAtThatLineEnd() {
        Json.SyntaxError e = error("{\n  \"a\": 1\n  \"b\": 2\n}");
        assertThat(e.getMessage()).startsWith("a comma is missing here");
        assertThat(new int[] {e.line(), e.column()}).containsExactly(2, 9);
    }

    @Test
    void aTrailingCommaIsPointedAt() {
        Json.SyntaxError e = error("{\"a\": [1, 2,\n]}");
        assertThat(e.getMessage()).isEqualTo("a comma with nothing after it: JSON allows no comma before ']'");
        assertThat(new int[] {e.line(), e.column()}).containsExactly(1, 12);
    }

    @Test
    void singleQuotesBareWordsAndAnEarlyEndAreNamedPlainly() {
        assertThat(error("{'a': 1}").getMessage()).isEqualTo("names need double quotes (\"name\"), not single ones");
        Json.SyntaxError bare = error("{\"a\": yes}");
        assertThat(bare.getMessage()).startsWith("'yes' is not a JSON value");
        assertThat(bare.column()).isEqualTo(7);
        assertThat(error("{\"a\": [1, 2").getMessage()).startsWith("the file ends too soon: a list is not closed");
        assertThat(error("{\"a\" 1}").getMessage()).startsWith("a ':' is missing here");
    }

    @Test
    void noMessageSpeaksTheParsersLanguage() {
        for (String bad : new String[] {"{\"a\": 1 \"b\": 2}", "{\"a\": [1 2]}", "{\"a\": 1,}", "{'a': 1}",
                "{\"a\": yes}", "{\"a\": [1, 2", "{\"a\" 1}", "{\"a\": \"x\ny\"}", "]", "{\"a\": 1}}"}) {
            assertThat(error(bad).getMessage()).as(bad).doesNotContain("code ", "expecting", "Unexpected",
                    "JsonToken", "Object entries");
        }
    }
}
