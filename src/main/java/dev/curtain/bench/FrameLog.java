package dev.curtain.bench;

import java.util.Arrays;

/**
 * Every frame the render benchmark played, its warm-up included, with the floor samples taken among them and the
 * JIT's compilation time so far: the figures of any stretch of the run (the timed frames, the early frames while
 * the JIT still compiles, a block of the warm-up) come from this one record, computed the same way.
 */
public final class FrameLog {
    private final double[] wall;
    private final double[] cpu;
    private final int[] phase;
    /** The JVM's total compilation time, in ms, when each frame ended. */
    private final double[] compiledMs;
    private double[] floorWall = new double[64];
    private double[] floorCpu = new double[64];
    /** The frame each floor sample was taken after. */
    private int[] floorAt = new int[64];
    private int frames;
    private int floors;
    private final double compiledBeforeMs;

    FrameLog(int capacity, double compiledBeforeMs) {
        wall = new double[capacity];
        cpu = new double[capacity];
        phase = new int[capacity];
        compiledMs = new double[capacity];
        this.compiledBeforeMs = compiledBeforeMs;
    }

    /** A frame at {@code phaseInMove} (0: the event's) took {@code wallMs} and {@code cpuMs}. */
    void frame(int phaseInMove, double wallMs, double cpuMs, double compiledSoFarMs) {
        phase[frames] = phaseInMove;
        wall[frames] = wallMs;
        cpu[frames] = cpuMs;
        compiledMs[frames++] = compiledSoFarMs;
    }

    /** The unchanged stage pictured again after the last frame recorded. */
    void floor(double wallMs, double cpuMs) {
        if (floors == floorWall.length) {
            floorWall = Arrays.copyOf(floorWall, floors * 2);
            floorCpu = Arrays.copyOf(floorCpu, floors * 2);
            floorAt = Arrays.copyOf(floorAt, floors * 2);
        }
        floorWall[floors] = wallMs;
        floorCpu[floors] = cpuMs;
        floorAt[floors++] = frames - 1;
    }

    int frames() {
        return frames;
    }

    /** Frames {@code from} to {@code to} (exclusive): their wall times, in the order they were played. */
    double[] wall(int from, int to) {
        return Arrays.copyOfRange(wall, from, to);
    }

    /** Frames {@code from} to {@code to} (exclusive): their processor times, in the order they were played. */
    double[] cpu(int from, int to) {
        return Arrays.copyOfRange(cpu, from, to);
    }

    /** Floor samples taken after frames {@code from} (inclusive) to {@code to} (exclusive). */
    int floorsIn(int from, int to) {
        int n = 0;
        for (int i = 0; i < floors; i++) {
            n += floorAt[i] >= from && floorAt[i] < to ? 1 : 0;
        }
        return n;
    }

    /** The JVM's compilation time during frames {@code from} to {@code to} (exclusive), in ms. */
    double compiledMs(int from, int to) {
        double before = from == 0 ? compiledBeforeMs : compiledMs[from - 1];
        return compiledMs[to - 1] - before;
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive) and the floor samples among them. */
    Figures figures(int from, int to) {
        int n = to - from;
        double[] w = Arrays.copyOfRange(wall, from, to);
        double[] c = Arrays.copyOfRange(cpu, from, to);
        double[] ev = new double[n];
        double[] evCpu = new double[n];
        double[] otherCpu = new double[n];
        int events = 0;
        int others = 0;
        for (int f = from; f < to; f++) {
            if (phase[f] == 0) {
                evCpu[events] = cpu[f];
                ev[events++] = wall[f];
            } else {
                otherCpu[others++] = cpu[f];
            }
        }
        int k = floorsIn(from, to);
        double[] fw = new double[k];
        double[] fc = new double[k];
        for (int i = 0, j = 0; i < floors; i++) {
            if (floorAt[i] >= from && floorAt[i] < to) {
                fw[j] = floorWall[i];
                fc[j++] = floorCpu[i];
            }
        }
        ev = sorted(Arrays.copyOf(ev, Math.max(1, events)));
        evCpu = sorted(Arrays.copyOf(evCpu, Math.max(1, events)));
        otherCpu = sorted(Arrays.copyOf(otherCpu, Math.max(1, others)));
        w = sorted(w);
        c = sorted(c);
        fw = sorted(fw.length == 0 ? new double[] {Double.NaN} : fw);
        fc = sorted(fc.length == 0 ? new double[] {Double.NaN} : fc);
        return new Figures(from, n, w[n / 2], pct(w, 0.95), ev[ev.length / 2], pct(ev, 0.95), ev[ev.length - 1],
                pct(w, 0.99), fw[fw.length / 2], pct(fw, 0.99), evCpu[evCpu.length / 2], pct(evCpu, 0.95),
                otherCpu[otherCpu.length / 2], pct(c, 0.99), fc[fc.length / 2], pct(fc, 0.99), compiledMs(from, to));
    }

    /**
     * The figures of a stretch of frames, wall times and the processor times of the two threads a frame runs on,
     * in ms: every frame's p50, p95 and p99, the frames on which an event lands apart, the floor (picturing the
     * unchanged stage, sampled among these frames), and how long the JIT compiled meanwhile.
     */
    public record Figures(int from, int frames, double p50Ms, double p95Ms, double eventP50Ms, double eventP95Ms,
                   double eventMaxMs, double allP99Ms, double floorMs, double floorP99Ms, double eventCpuP50Ms,
                   double eventCpuP95Ms, double otherCpuP50Ms, double allCpuP99Ms, double floorCpuMs,
                   double floorCpuP99Ms, double compiledMs) {
        /** All frames' p99 over the floor: the target is at most 3. */
        public double ratio() {
            return allP99Ms / floorMs;
        }
    }

    /** A sorted copy of {@code v}, which keeps its order. */
    static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    /** The {@code q} quantile of sorted {@code v} (nearest rank). */
    static double pct(double[] v, double q) {
        return v[Math.max(0, (int) Math.ceil(v.length * q) - 1)];
    }
}
