package dev.curtain.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenNameTest {
    @Test
    void aShortNameIsLeftAsItIs() {
        assertThat(TokenName.fit("main", 36, 11)).isEqualTo("main");
        assertThat(TokenName.fit("dirty", 36, 11)).isEqualTo("dirty");
    }

    @Test
    void aLongNameLosesItsPackageThenItsEnd() {
        // 36 units at 11 px hold about 7 characters
        assertThat(TokenName.fit("runtime.gcBgMarkWorker", 36, 11)).isEqualTo("gcBgMa…");
        assertThat(TokenName.fit("main.serve", 36, 11)).isEqualTo("serve");
        assertThat(TokenName.fit("runtime.gcBgMarkWorker", 200, 11)).isEqualTo("runtime.gcBgMarkWorker");
    }
}
