package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import org.junit.jupiter.api.Test;

class VersionTipTest {
    @Test
    void aScenarioOfAReleaseBetweenProfilesNamesTheProfileItIsSimulatedWith() {
        assertThat(VersionTip.of(GoVersion.parse("1.22"), false, false))
                .startsWith("Go 1.22, simulated with the Go 1.14 profile");
        assertThat(VersionTip.of(GoVersion.GO_1_14, false, false)).startsWith("Go version profile");
    }

    @Test
    void anImportSaysWhereItsReleaseComesFrom() {
        assertThat(VersionTip.of(GoVersion.parse("1.25"), true, true)).isEqualTo("Go 1.25: the release that wrote this trace");
        assertThat(VersionTip.of(GoVersion.parse("1.19"), true, false)).contains("or later");
    }
}
