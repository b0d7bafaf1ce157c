package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source pane's lines and which of them the goroutines are on, without a model. */
class SourceLinesTest {
    @Test
    void aFinalNewlineMakesNoEmptyLastLineButBlankLinesInsideStay() {
        assertThat(SourceLines.split("a\n\nb\n")).containsExactly("a", "", "b");
        assertThat(SourceLines.split("a\nb")).containsExactly("a", "b");
        assertThat(SourceLines.split("")).isEmpty();
        assertThat(SourceLines.split("\n")).containsExactly("");
    }

    @Test
    void loadingReplacesTheLines() {
        SourceLines source = new SourceLines();
        source.load("one\ntwo\n");
        source.load("three\n");
        assertThat(source.lines()).containsExactly("three");
    }

    @Test
    void eachLineNamesTheGoroutinesRunningOrInASyscallOnIt() {
        Scenario lesson = ShippedLessons.first();
        Recording rec = Simulator.run(lesson.program(), lesson.options());
        boolean sawOne = false;
        for (int i = 0; i <= rec.size(); i++) {
            SchedState s = rec.stateAt(i);
            Map<Integer, String> active = SourceLines.activeLines(s);
            for (int g = 1; g < s.goroutines().size(); g++) {
                GStatus st = s.goroutines().status(g);
                int line = s.goroutines().line(g);
                boolean on = (st == GStatus.RUNNING || st == GStatus.SYSCALL) && line > 0;
                if (on) {
                    sawOne = true;
                    assertThat(active.get(line)).contains("G" + g);
                } else if (line > 0 && active.containsKey(line)) {
                    assertThat(active.get(line).split(", ")).doesNotContain("G" + g);
                }
            }
        }
        assertThat(sawOne).isTrue();
    }
}
