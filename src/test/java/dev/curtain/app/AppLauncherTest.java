package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppLauncherTest {
    @Test
    void withNoDisplayItSaysWhereToGoInOneLineAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AppLauncher.launch(null, new PrintStream(err, true, StandardCharsets.UTF_8), name -> null, name -> null);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text.lines()).hasSize(1);
        assertThat(text).contains("xvfb-run").contains("./curtain render");
    }

    @Test
    void aDisplayVariableCountsAsADisplay() {
        assertThat(AppLauncher.hasDisplay(name -> name.equals("DISPLAY") ? ":0" : null)).isTrue();
        assertThat(AppLauncher.hasDisplay(name -> name.equals("WAYLAND_DISPLAY") ? "wayland-0" : null)).isTrue();
        assertThat(AppLauncher.hasDisplay(name -> "")).isFalse();
    }

    @Test
    void theHeadlessPlatformNeedsNoDisplay() {
        assertThat(AppLauncher.drawsInMemory(name -> name.equals("glass.platform") ? "Monocle"
                : name.equals("monocle.platform") ? "Headless" : null)).isTrue();
        assertThat(AppLauncher.drawsInMemory(name -> name.equals("glass.platform") ? "gtk" : null)).isFalse();
        assertThat(AppLauncher.drawsInMemory(name -> null)).isFalse();
    }
}
