package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybackTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void advancesOneEventPerBeatAtOneTimesSpeed() {
        Playback p = new Playback();
        p.load(100, 0);
        p.play();
        long t = 0;
        p.tick(t);
        for (int i = 0; i < 60 * 9 + 6; i++) {
            t += SECOND / 60;
            p.tick(t);
        }
        // 9.1 seconds at 0.9 s per event (a logical step is a whole number of nanoseconds, a hair under 1/120 s)
        assertThat(p.getIndex()).isEqualTo(10);
    }

    @Test
    void sameTicksGiveTheSameIndexWhateverTheFrameRate() {
        Playback a = new Playback();
        Playback b = new Playback();
        a.load(1000, 0);
        b.load(1000, 0);
        a.speedProperty().set(4);
        b.speedProperty().set(4);
        a.play();
        b.play();
        a.tick(0);
        b.tick(0);
        for (long t = 1; t <= 600; t++) {
            a.tick(t * SECOND / 60);
        }
        for (long t = 1; t <= 1440; t++) {
            b.tick(t * SECOND / 144);
        }
        assertThat(a.getIndex()).isEqualTo(b.getIndex()).isEqualTo(44);
    }

    @Test
    void aStallIsClampedInsteadOfJumping() {
        Playback p = new Playback();
        p.load(1000, 0);
        p.play();
        p.tick(0);
        p.tick(60 * SECOND);
        assertThat(p.getIndex()).isLessThanOrEqualTo(1);
    }

    @Test
    void stopsAtAPausingCueAndAtTheEnd() {
        Playback p = new Playback();
        p.load(5, 0);
        p.setPauseAt(i -> i == 2);
        p.speedProperty().set(8);
        p.play();
        for (long t = 0; t < 200; t++) {
            p.tick(t * SECOND / 60);
        }
        assertThat(p.getIndex()).isEqualTo(2);
        assertThat(p.isPlaying()).isFalse();
        p.play();
        for (long t = 200; t < 400; t++) {
            p.tick(t * SECOND / 60);
        }
        assertThat(p.getIndex()).isEqualTo(5);
        assertThat(p.isPlaying()).isFalse();
        assertThat(p.atEndProperty().get()).isTrue();
    }

    @Test
    void speedClimbsAndFallsTheLadderWithinBounds() {
        Playback p = new Playback();
        for (int i = 0; i < 10; i++) {
            p.faster();
        }
        assertThat(p.getSpeed()).isEqualTo(8);
        for (int i = 0; i < 10; i++) {
            p.slower();
        }
        assertThat(p.getSpeed()).isEqualTo(0.25);
        p.speedProperty().set(100);
        assertThat(p.getSpeed()).isEqualTo(Playback.MAX_SPEED);
    }

    @Test
    void stepsAndSeeksStayInsideTheLog() {
        Playback p = new Playback();
        p.load(3, 0);
        p.stepBack();
        assertThat(p.getIndex()).isZero();
        p.toEnd();
        p.stepForward();
        assertThat(p.getIndex()).isEqualTo(3);
        p.seek(-5);
        assertThat(p.getIndex()).isZero();
        p.play();
        p.restart();
        assertThat(p.isPlaying()).isFalse();
    }
}
