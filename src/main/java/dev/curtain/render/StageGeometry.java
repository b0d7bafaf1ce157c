package dev.curtain.render;

import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.IntDeque;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where everything sits on the stage for one state and one size: lanes, zones, each G's token centre and each
 * M's box. Pure: computed once per state change, then the renderer interpolates between two of these.
 *
 * <p>Layout, top to bottom: the global run queue and the waiting area; one lane per P (status, the M that holds
 * it, the G it runs, runnext, the local run queue); then the zones for Ms without a P: in a system call, idle,
 * locked to a G that is not running, and the system threads. When a queue or zone cannot show everything, the
 * rest collapse into a count ("+1,234") and their tokens sit on that count, so moves in and out still animate.
 */
public final class StageGeometry {
    /** A G is not on stage (not created yet, or finished). */
    public static final byte HIDDEN = 0;
    /** A G is drawn as a token. */
    public static final byte SHOWN = 1;
    /** A G is folded into a count chip; its position is the chip's. */
    public static final byte FOLDED = 2;

    /** Zone names, also their keys for tests. */
    public static final String GLOBAL = "Global run queue";
    public static final String WAITING = "Waiting";
    public static final String SYSCALL = "In a system call";
    public static final String IDLE = "Idle threads";
    public static final String LOCKED = "Locked to their G";
    public static final String SYSTEM = "System threads";

    static final double PAD = 14;
    static final double GAP = 10;
    static final double TITLE = 22;
    /** Thread box sizes: full with property badges, or compact when lanes are thin. */
    public static final double BOX_W = 236;
    public static final double BOX_H = 58;
    public static final double COMPACT_BOX_W = 86;
    static final double MAX_LANE_H = 112;

    /** One P's lane. */
    public record Lane(int p, Rect bounds, Rect header, Rect threadSlot, double runX, double runnextX, double cy,
                       double queueX0, double queueX1) {
    }

    /**
     * A labelled area; its title in capitals, on one line or, in a zone too narrow for it, on two ({@code lines}).
     */
    public record Zone(String title, Rect bounds, List<String> lines) {
        public Zone(String title, Rect bounds) {
            this(title, bounds, List.of(title.toUpperCase(java.util.Locale.ROOT)));
        }
    }

    /** Width of a zone title's capitals at 12 px bold, about 7.2 px a letter, times the stage's zoom. */
    static double titleWidth(String text, double zoom) {
        return text.length() * 7.2 * zoom + 20;
    }

    /**
     * A zone's title as it fits {@code width}: one line when it can, else split at the space that keeps the longer
     * half shortest (a zone that never holds a thread needs no more room than its title's longer half).
     */
    static List<String> titleLines(String title, double width, double zoom) {
        String caps = title.toUpperCase(java.util.Locale.ROOT);
        if (titleWidth(caps, zoom) <= width || caps.indexOf(' ') < 0) {
            return List.of(caps);
        }
        int best = -1;
        for (int i = caps.indexOf(' '); i >= 0; i = caps.indexOf(' ', i + 1)) {
            if (best < 0 || Math.max(i, caps.length() - i - 1) < Math.max(best, caps.length() - best - 1)) {
                best = i;
            }
        }
        return List.of(caps.substring(0, best), caps.substring(best + 1));
    }

    /** The narrowest a zone can be with its title on two lines. */
    static double twoLineTitleWidth(String title, double zoom) {
        double w = 0;
        for (String line : titleLines(title, 0, zoom)) {
            w = Math.max(w, titleWidth(line, zoom));
        }
        return w;
    }

    /** A count standing for tokens or thread boxes that do not fit: a pill of {@code w} by {@code h}. */
    public record Chip(double cx, double cy, double w, double h, String text) {
        /** A pill sized for its text at height {@code h} (bold digits are about 0.42 h wide at 0.62 h type). */
        static Chip of(double left, double cy, double h, String text) {
            double w = chipWidth(text, h);
            return new Chip(left + w / 2, cy, w, h, text);
        }
    }

    static double chipWidth(String text, double h) {
        return text.length() * h * 0.42 + h * 0.9;
    }

    /** Chip height for a token size: as tall as a token, readable, never a banner. */
    double chipH() {
        return clamp(token * 1.05, 10, 22);
    }

    public final double width;
    public final double height;
    /** Token diameter. */
    public final double token;
    public final boolean compactThreads;
    public final double boxW;
    public final double boxH;
    /**
     * How much larger than the base size everything is drawn: with few Ps on a big stage, tokens, lanes and
     * thread boxes grow (up to 1.5x) so the back row can read them; with many Ps it is 1.
     */
    public final double zoom;
    /** The zoom of the thread boxes alone: their own text already grows with the text size, so not by that. */
    public final double boxZoom;
    public final float[] gx;
    public final float[] gy;
    public final byte[] gShown;
    /** Per M: its box, or null when it exited or is folded. */
    public final Rect[] mBox;
    public final boolean[] mFolded;
    /** Per M: drawn as a compact box (its name and state colour), in a thread zone too crowded for full ones. */
    public final boolean[] mCompact;
    /** Per thread zone ({@link #BOTTOM_ZONES} order): how many boxes it has room for, side by side and in rows. */
    public final int[] zoneSlots;
    public final List<Lane> lanes = new ArrayList<>();
    public final List<Zone> zones = new ArrayList<>();
    public final List<Chip> chips = new ArrayList<>();
    /** How many tokens are drawn (not folded): the renderer labels them only when there are few. */
    public int shownTokens;

    private StageGeometry(double width, double height, int gCount, int mCount, double token, boolean compact,
                          double zoom, double boxZoom, double baseBoxW) {
        this.width = width;
        this.height = height;
        this.token = token;
        this.compactThreads = compact;
        this.zoom = zoom;
        this.boxZoom = boxZoom;
        this.boxW = (compact ? COMPACT_BOX_W : baseBoxW) * boxZoom;
        this.gx = new float[gCount];
        this.gy = new float[gCount];
        this.gShown = new byte[gCount];
        this.mBox = new Rect[mCount];
        this.mFolded = new boolean[mCount];
        this.mCompact = new boolean[mCount];
        this.zoneSlots = new int[BOTTOM_ZONES.length];
        this.boxH = 0;
    }

    private StageGeometry(StageGeometry shape, double boxH) {
        this.width = shape.width;
        this.height = shape.height;
        this.token = shape.token;
        this.compactThreads = shape.compactThreads;
        this.boxW = shape.boxW;
        this.boxH = boxH;
        this.zoom = shape.zoom;
        this.boxZoom = shape.boxZoom;
        this.gx = shape.gx;
        this.gy = shape.gy;
        this.gShown = shape.gShown;
        this.mBox = shape.mBox;
        this.mFolded = shape.mFolded;
        this.mCompact = shape.mCompact;
        this.zoneSlots = shape.zoneSlots;
    }

    /** Whether thread {@code m}'s box is compact: all boxes on thin lanes, or its thread zone's when crowded. */
    public boolean compact(int m) {
        return compactThreads || m >= 0 && m < mCompact.length && mCompact[m];
    }

    public Zone zone(String title) {
        for (Zone z : zones) {
            if (z.title().equals(title)) {
                return z;
            }
        }
        return null;
    }

    /** The zone (or lane) title a thread box sits in, for tests and the inspector: "P0", "Idle threads"… */
    public static String placeOf(ThreadState t, int gomaxprocs) {
        ThreadActivity a = ThreadActivity.of(t, gomaxprocs);
        if (a == ThreadActivity.EXITED) {
            return "exited";
        }
        return a.onALane() ? "P" + t.p() : a.zone();
    }

    /** Lays out {@code s} on a stage of {@code w} by {@code h} pixels, with thread boxes of the base size. */
    public static StageGeometry compute(SchedState s, double w, double h) {
        return compute(s, w, h, BOX_W, BOX_H, 1, null);
    }

    /**
     * Lays out {@code s} with thread boxes of {@code baseBoxW} by {@code baseBoxH} at zoom 1: the window measures
     * its boxes under the current theme and text size, so bigger text gets bigger boxes instead of spilling.
     * {@code textScale} (1 = 100%) grows the stage's own labels, tokens and lanes with the window's text size.
     */
    public static StageGeometry compute(SchedState s, double w, double h, double baseBoxW, double baseBoxH,
                                        double textScale) {
        return compute(s, w, h, baseBoxW, baseBoxH, textScale, null);
    }

    /**
     * As above, with the thread zones sized for a whole run ({@code demand}, see {@link ZoneDemand}) so they stay
     * put from step to step; null sizes them for {@code s} alone.
     */
    public static StageGeometry compute(SchedState s, double w, double h, double baseBoxW, double baseBoxH,
                                        double textScale, ZoneDemand demand) {
        w = Math.max(w, 320);
        h = Math.max(h, 240);
        int procs = Math.max(1, s.gomaxprocs());
        int cols = procs <= 8 ? 1 : procs <= 20 ? 2 : procs <= 48 ? 3 : 4;
        int rows = (procs + cols - 1) / cols;
        double boxZoom = procs <= 4 ? clamp(Math.min(w / 950, h / 540), 1, 1.5) : 1;
        double zoom = boxZoom * textScale;
        double topH = clamp(h * 0.15, 70, 120 * zoom);
        double minBottomH = clamp(h * 0.25, 96, 200);
        double laneGap = rows > 8 ? 4 : 8;
        double laneH = Math.min(MAX_LANE_H * zoom,
                (h - 2 * PAD - 2 * GAP - topH - minBottomH - (rows - 1) * laneGap) / rows);
        boolean compact = laneH < baseBoxH * boxZoom + 10;
        if (compact) {
            boxZoom = 1;
            zoom = textScale;
        }
        double token = clamp(Math.min(laneH * 0.46, 30 * zoom), 9, 30 * zoom);
        StageGeometry g0 = new StageGeometry(w, h, s.goroutines().size(), s.threads().size(), token, compact, zoom,
                boxZoom, baseBoxW);
        double boxH = compact ? Math.max(14, Math.min(30, laneH - 6)) : baseBoxH * boxZoom;
        // lanes take what they need; the thread zones get room for two rows of boxes; what is left is shared by
        // the queues on top and the thread zones, so a one-P lesson has no dead band between them
        double lanesBlock = rows * laneH + (rows - 1) * laneGap;
        double rest = h - 2 * PAD - 2 * GAP - topH - lanesBlock;
        double bottomNeeded = TITLE * zoom + 16 + 2 * (boxH + 6);
        double bottomH = Math.max(minBottomH, Math.min(rest, bottomNeeded));
        double slack = Math.max(0, rest - bottomH);
        topH += slack * 0.4;
        bottomH += slack * 0.6;
        double lanesTop = PAD + topH + GAP;
        StageGeometry g = new StageGeometry(g0, boxH);
        g.layoutTop(s, PAD, topH);
        g.layoutLanes(s, procs, cols, rows, lanesTop, laneH, laneGap);
        g.layoutBottom(s, h - PAD - bottomH, bottomH, demand);
        g.placeRunningAndSyscallGs(s);
        int shown = 0;
        for (byte b : g.gShown) {
            if (b == SHOWN) {
                shown++;
            }
        }
        g.shownTokens = shown;
        return g;
    }

    // ---------------------------------------------------------------- top band

    private void layoutTop(SchedState s, double y, double hgt) {
        double inner = width - 2 * PAD - GAP;
        Rect global = new Rect(PAD, y, inner * 0.56, hgt);
        Rect waiting = new Rect(global.right() + GAP, y, inner - global.w(), hgt);
        zones.add(new Zone(GLOBAL, global));
        zones.add(new Zone(WAITING, waiting));
        IntDeque q = s.globalQueue();
        int[] gq = new int[q.size()];
        for (int i = 0; i < gq.length; i++) {
            gq[i] = q.get(i);
        }
        grid(gq, content(global), "");
        GoroutineTable gs = s.goroutines();
        int n = 0;
        int[] waiters = new int[gs.size()];
        for (int g = 1; g < gs.size(); g++) {
            if (gs.status(g) == GStatus.WAITING) {
                waiters[n++] = g;
            }
        }
        grid(Arrays.copyOf(waiters, n), content(waiting), "");
    }

    private Rect content(Rect zone) {
        return new Rect(zone.x() + 10, zone.y() + TITLE * zoom + 4, zone.w() - 20, zone.h() - TITLE * zoom - 10);
    }

    /** Below a title of one or two lines (a second line is {@link #TITLE_LINE} more). */
    private Rect content(Zone zone) {
        Rect r = content(zone.bounds());
        double extra = (zone.lines().size() - 1) * TITLE_LINE * zoom;
        return new Rect(r.x(), r.y() + extra, r.w(), Math.max(1, r.h() - extra));
    }

    /** A title's second line sits this far (times the zoom) below its first. */
    static final double TITLE_LINE = 14;

    /** Tokens in rows, left to right; what does not fit folds into a count in the last cell. */
    private void grid(int[] gs, Rect area, String suffix) {
        double cell = token + 5;
        int cols = Math.max(1, (int) (area.w() / cell));
        int rowsFit = Math.max(1, (int) ((area.h() + 5) / cell));
        int cap = cols * rowsFit;
        int shown = gs.length <= cap ? gs.length : Math.max(0, cap - (int) Math.ceil(chipWidth("+00,000", chipH()) / cell));
        for (int i = 0; i < gs.length; i++) {
            int slot = Math.min(i, Math.max(0, shown));
            double cx = area.x() + (slot % cols) * cell + token / 2;
            double cy = area.y() + (slot / cols) * cell + token / 2;
            put(gs[i], cx, cy, i < shown ? SHOWN : FOLDED);
        }
        if (gs.length > shown) {
            int slot = Math.max(0, shown);
            double left = area.x() + (slot % cols) * cell;
            double cy = area.y() + (slot / cols) * cell + token / 2;
            String text = "+" + String.format("%,d", gs.length - shown) + suffix;
            double w = chipWidth(text, chipH());
            chips.add(Chip.of(Math.min(left, area.right() - w), cy, chipH(), text));
        }
    }

    private void put(int g, double x, double y, byte shown) {
        if (g > 0 && g < gx.length) {
            gx[g] = (float) x;
            gy[g] = (float) y;
            gShown[g] = shown;
        }
    }

    // ---------------------------------------------------------------- lanes

    private void layoutLanes(SchedState s, int procs, int cols, int rows, double top, double laneH, double gap) {
        double laneW = (width - 2 * PAD - (cols - 1) * GAP) / cols;
        double headerW = laneH >= 40 ? 78 * zoom : 46;
        for (int p = 0; p < procs; p++) {
            int col = p / rows;
            int row = p % rows;
            double x = PAD + col * (laneW + GAP);
            double y = top + row * (laneH + gap);
            Rect bounds = new Rect(x, y, laneW, laneH);
            double cy = y + laneH / 2;
            Rect header = new Rect(x, y, headerW, laneH);
            Rect slot = new Rect(header.right() + 8, cy - boxH / 2, boxW, boxH);
            double runX = slot.right() + 6 + token / 2;
            double runnextX = runX + token + 18 * zoom;
            // "runnext" is centred over its slot; the queue's own label starts clear of it
            double q0 = runnextX + token / 2 + 24 * zoom;
            double q1 = bounds.right() - 8;
            Lane lane = new Lane(p, bounds, header, slot, runX, runnextX, cy, q0, q1);
            lanes.add(lane);
            if (p >= s.processors().size()) {
                continue;
            }
            ProcessorState ps = s.processor(p);
            if (ps.runnext() > 0) {
                put(ps.runnext(), runnextX, cy, SHOWN);
            }
            int[] rq = ps.runq();
            double cell = token + 4;
            int perRow = Math.max(1, (int) ((q1 - q0) / cell));
            // a long queue wraps into as many rows as the lane has room for below its label, centred on the lane
            int rowsFit = Math.max(1, (int) ((laneH - 30 * zoom) / cell));
            int rowsUsed = Math.min(rowsFit, Math.max(1, (rq.length + perRow - 1) / perRow));
            int cap = perRow * rowsUsed;
            int shown = rq.length;
            String more = "";
            if (rq.length > cap) {
                // leave room in the last row for the count: "+N" for the ones that do not fit
                double chipW = chipWidth("+" + rq.length, chipH());
                shown = Math.max(0, cap - (int) Math.ceil((chipW + 4) / cell));
                more = "+" + String.format("%,d", rq.length - shown);
            }
            double rowY = cy - (rowsUsed - 1) * cell / 2 + (rowsUsed > 1 ? 6 * zoom : 0);
            for (int i = 0; i < rq.length; i++) {
                int slotI = Math.min(i, shown);
                put(rq[i], q0 + (slotI % perRow) * cell + token / 2, rowY + (slotI / perRow) * cell,
                        i < shown ? SHOWN : FOLDED);
            }
            if (!more.isEmpty()) {
                // in a lane too short for its queue (64 Ps at 1280x720) the count ends at the lane's end, over the
                // runnext slot if it must, rather than spill into the next column's lane
                double left = Math.min(q0 + (shown % perRow) * cell + 2, q1 - chipWidth(more, chipH()));
                chips.add(Chip.of(Math.max(slot.right() + 2, left), rowY + (shown / perRow) * cell, chipH(), more));
            }
        }
        for (ThreadState t : s.threads()) {
            String place = placeOf(t, procs);
            if (place.startsWith("P")) {
                mBox[t.id()] = lanes.get(t.p()).threadSlot();
            }
        }
    }

    // ---------------------------------------------------------------- bottom zones

    /** The thread zones under the lanes, left to right. */
    public static final String[] BOTTOM_ZONES = {SYSCALL, IDLE, LOCKED, SYSTEM};

    /**
     * Sizes the four thread zones for the run ({@code demand}: the most threads each holds at once), not for this
     * step, so they never reflow between steps; then places each zone's boxes.
     */
    private void layoutBottom(SchedState s, double y, double hgt, ZoneDemand demand) {
        double inner = width - 2 * PAD - 3 * GAP;
        String[] titles = BOTTOM_ZONES;
        List<List<ThreadState>> groups = new ArrayList<>();
        int[] most = new int[4];
        double[] titleW = new double[4];
        for (int i = 0; i < 4; i++) {
            List<ThreadState> here = new ArrayList<>();
            for (ThreadState t : s.threads()) {
                if (placeOf(t, s.gomaxprocs()).equals(titles[i])) {
                    here.add(t);
                }
            }
            groups.add(here);
            most[i] = demand == null ? here.size() : demand.most(i, here.size());
            // an empty zone still needs room for its title in capitals; one that never holds a thread in the run
            // takes it on two lines, and leaves the room to the zones that draw boxes
            titleW[i] = most[i] == 0 ? Math.max(70, twoLineTitleWidth(titles[i], zoom))
                    : Math.max(110, titleWidth(titles[i], zoom));
        }
        // one box size for every zone, the largest at which each zone has room for the most boxes it will hold
        // side by side in the rows its height allows: boxes are drawn evenly, and the zones split the width by need
        double contentH = hgt - TITLE * zoom - 10;
        double[] want = new double[4];
        double bw = boxW;
        double bh = boxH;
        double scale = zoneScale(most, titleW, contentH, inner, bw, bh, token * 0.5 + 4, MIN_BOX_SCALE, want);
        boolean crowded = !compactThreads && scale < COMPACT_BELOW;
        if (crowded) {
            // full boxes this small cannot be read; compact ones (a name and the state's colour, as thin lanes have)
            // can, and the inspector has the rest
            bw = COMPACT_BOX_W * boxZoom;
            bh = compactBoxH();
            zoneScale(most, titleW, contentH, inner, bw, bh, token + 6, MIN_COMPACT_SCALE, want);
        }
        double total = 0;
        for (double v : want) {
            total += v;
        }
        // too little room even so: the zones that draw boxes give it up; a zone that never holds a thread keeps the
        // width of its title (two lines of it), so its title is never squeezed
        double titlesOnly = 0;
        for (int i = 0; i < 4; i++) {
            titlesOnly += most[i] == 0 ? want[i] : 0;
        }
        double x = PAD;
        for (int i = 0; i < 4; i++) {
            double w = most[i] == 0 ? Math.min(want[i], inner / 4)
                    : want[i] * Math.max(0, inner - titlesOnly) / Math.max(1, total - titlesOnly);
            if (total <= inner) {
                // the slack goes to the zones that hold threads, in proportion to what they asked for
                w = want[i] + (inner - total) * want[i] / total;
            }
            Rect r = new Rect(x, y, w, hgt);
            Zone zone = new Zone(titles[i], r, titleLines(titles[i], w, zoom));
            zones.add(zone);
            x = r.right() + GAP;
            boxes(s, groups.get(i), content(zone), i == 0 ? (crowded ? token + 6 : token * 0.5 + 4) : 0, bw, bh,
                    crowded ? MIN_COMPACT_SCALE : MIN_BOX_SCALE, most[i], demand, i);
            if (crowded) {
                for (ThreadState t : groups.get(i)) {
                    mCompact[t.id()] = true;
                }
            }
        }
    }

    /** Smallest a compact box is drawn, as a share of its size, before the rest fold: its name must still read. */
    static final double MIN_COMPACT_SCALE = 0.75;
    /** Below this scale, a crowded thread zone draws compact boxes instead of full ones shrunk. */
    static final double COMPACT_BELOW = 0.55;

    /** A compact box's height in a thread zone: one line of its name at the stage's text size. */
    private double compactBoxH() {
        return Math.max(22, 26 * zoom);
    }

    /**
     * The largest box scale (1 down to {@link #MIN_BOX_SCALE}) at which the zones' wanted widths ({@code want},
     * filled in) add up to at most {@code inner}: each zone wants room for its {@code most} boxes of {@code bw} by
     * {@code bh} in the rows {@code contentH} allows, and at least its title's width.
     */
    private double zoneScale(int[] most, double[] titleW, double contentH, double inner, double bw, double bh,
                             double gSpace, double minScale, double[] want) {
        double scale = 1;
        for (; ; scale -= 0.02) {
            double total = 0;
            int rowsFit = Math.max(1, (int) ((contentH + 6) / (bh * scale + 6)));
            for (int i = 0; i < 4; i++) {
                double cell = bw * scale + 8 + (i == 0 ? gSpace : 0);
                int perRow = (int) Math.ceil(most[i] / (double) rowsFit);
                want[i] = Math.max(titleW[i], perRow * cell + 20);
                total += want[i];
            }
            if (total <= inner || scale <= minScale) {
                return scale;
            }
        }
    }

    /** Narrowest a box may be squeezed, as a share of its full width, before threads fold into a count. */
    static final double SQUEEZE = 0.6;
    /** Smallest a crowded zone draws its boxes, as a share of their size, before the rest fold into a count. */
    static final double MIN_BOX_SCALE = 0.3;

    /**
     * Places a zone's thread boxes: every box is drawn, all at one size, as large as lets the most the zone holds
     * in the run ({@code most}) fit (down to {@link #MIN_BOX_SCALE}), so boxes do not grow and shrink as threads
     * come and go; only past that do the rest fold into a "+N threads" count, and a thread that differs from the
     * process or is locked to a G is placed before the others, so it is never the one folded. Unfolded, each
     * thread keeps a slot of its own for the run where the zone has room for every thread it ever holds
     * ({@link #stableSlots}): a thread arriving or leaving does not push the others along.
     */
    private void boxes(SchedState s, List<ThreadState> ts, Rect area, double gSpace, double fullW, double fullH,
                       double minScale, int most, ZoneDemand demand, int zone) {
        List<ThreadState> order = new ArrayList<>(ts);
        order.sort(java.util.Comparator.comparingInt(t -> mustShow(s, t) ? 0 : 1));
        // room for a G in a syscall at its thread's box's right end (gSpace: half a token over a full box, a whole
        // one beside a compact box; 0 in zones whose threads hold no G)
        double extra = gSpace;
        int n = order.size();
        double bw = Math.min(fullW, area.w() - extra);
        // a box a little wider than the zone is squeezed sideways first (the window draws it whole, smaller)
        if (bw < SQUEEZE * fullW) {
            bw = fullW;
        }
        double scale = fitScale(Math.max(n, most), area, bw, fullH, extra, minScale);
        int everyone = demand == null ? 0 : demand.everHeld(zone);
        if (everyone > Math.max(n, most)) {
            // a slot for each thread the zone ever holds, if that costs the boxes little: none is ever pushed along
            double all = fitScale(everyone, area, bw, fullH, extra, minScale);
            if (all >= scale * KEEP_SLOTS_SHRINK) {
                scale = all;
            }
        }
        scale = Math.max(scale, minScale);
        double w = Math.min(bw * scale, area.w() - extra);
        double h = fullH * scale;
        int cols = columns(area, w, extra);
        int rows = rows(area, h);
        // spread the columns across the zone: boxes keep their size, the gaps take the slack
        double cellW = w + extra + 8;
        double cellH = h + 6;
        int cap = cols * rows;
        zoneSlots[zone] = cap;
        int shown = n <= cap ? n : cap - 1;
        int[] kept = n <= cap ? stableSlots(order, cap, demand, zone) : null;
        for (int i = 0; i < n; i++) {
            int slot = kept != null ? kept[i] : Math.min(i, shown);
            double bx = area.x() + (slot % cols) * cellW;
            double by = area.y() + (slot / cols) * cellH;
            mBox[order.get(i).id()] = new Rect(bx, by, w, h);
            mFolded[order.get(i).id()] = i >= shown;
        }
        if (n > shown) {
            int slot = shown;
            chips.add(Chip.of(area.x() + (slot % cols) * cellW, area.y() + (slot / cols) * cellH + h / 2,
                    clamp(h * 0.7, 12, 22), "+" + String.format("%,d", n - shown) + " threads"));
        }
    }

    /** Boxes may be drawn this much smaller than the zone's busiest step needs so every thread keeps its slot. */
    static final double KEEP_SLOTS_SHRINK = 0.8;

    /**
     * The largest scale (1 down to {@code minScale}) at which {@code count} boxes of {@code bw} by {@code fullH}
     * fit in {@code area}, each with {@code extra} room beside it.
     */
    private static double fitScale(int count, Rect area, double bw, double fullH, double extra, double minScale) {
        double scale;
        for (scale = 1; scale >= minScale - 1e-9; scale -= 0.02) {
            if (columns(area, bw * scale, extra) * rows(area, fullH * scale) >= count) {
                break;
            }
        }
        return scale;
    }

    /** How many boxes {@code w} wide, each with {@code extra} room beside it, stand side by side in {@code area}. */
    private static int columns(Rect area, double w, double extra) {
        return Math.max(1, (int) ((area.w() + 8) / (w + extra + 8)));
    }

    /** How many rows of boxes {@code h} high {@code area} holds. */
    private static int rows(Rect area, double h) {
        return Math.max(1, (int) ((area.h() + 6) / (h + 6)));
    }

    /**
     * Each thread's slot in a zone of {@code cap} slots that holds {@code ts} now: its rank among the threads the
     * zone ever holds in the run, so it stands in the same place at every step it is there. Where the zone has
     * fewer slots than that, ranks share slots (rank modulo the slots, the next free one on a clash, lowest id
     * first), so most threads still keep theirs. Null when a thread's rank is not known: then they are packed.
     */
    private static int[] stableSlots(List<ThreadState> ts, int cap, ZoneDemand demand, int zone) {
        if (demand == null) {
            return null;
        }
        Integer[] byId = new Integer[ts.size()];
        for (int i = 0; i < byId.length; i++) {
            byId[i] = i;
        }
        java.util.Arrays.sort(byId, java.util.Comparator.comparingInt(i -> ts.get(i).id()));
        int[] slots = new int[ts.size()];
        boolean[] taken = new boolean[cap];
        for (int i : byId) {
            int rank = demand.rank(zone, ts.get(i).id());
            if (rank < 0) {
                return null;
            }
            int slot = rank % cap;
            while (taken[slot]) {
                slot = (slot + 1) % cap;
            }
            taken[slot] = true;
            slots[i] = slot;
        }
        return slots;
    }

    /** A thread the stage must never fold into a count: it differs from the process, or is locked to a G. */
    private static boolean mustShow(SchedState s, ThreadState t) {
        return t.lockedg() > 0 || !s.diverged(t.id()).isEmpty();
    }

    // ---------------------------------------------------------------- Gs on threads

    private void placeRunningAndSyscallGs(SchedState s) {
        GoroutineTable gs = s.goroutines();
        for (int g = 1; g < gs.size(); g++) {
            switch (gs.placeKind(g)) {
                case RUNNING, SYSCALL -> {
                    int m = gs.place(g).id();
                    Rect box = m >= 0 && m < mBox.length ? mBox[m] : null;
                    if (box == null) {
                        continue;
                    }
                    Lane lane = laneHolding(box);
                    // beside a full box's right end, overlapping it by half; wholly beside a compact one, whose
                    // name is all it shows
                    double x = lane != null ? lane.runX()
                            : mCompact[m] ? box.right() + token / 2 + 3 : box.right() + 4;
                    put(g, x, box.cy(), mFolded[m] ? FOLDED : SHOWN);
                }
                default -> {
                }
            }
        }
    }

    private Lane laneHolding(Rect box) {
        for (Lane l : lanes) {
            if (l.threadSlot() == box) {
                return l;
            }
        }
        return null;
    }

    /** The goroutine whose token is under the point, or -1. */
    public int goroutineAt(double x, double y) {
        double r = token / 2 + 2;
        int best = -1;
        double bestD = r * r;
        for (int g = 1; g < gx.length; g++) {
            if (gShown[g] != SHOWN) {
                continue;
            }
            double dx = gx[g] - x;
            double dy = gy[g] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = g;
            }
        }
        return best;
    }

    /** The P whose lane header is under the point, or -1. */
    public int processorAt(double x, double y) {
        for (Lane l : lanes) {
            if (l.header().contains(x, y)) {
                return l.p();
            }
        }
        return -1;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** True for thread states that never hold a P. */
    static boolean offLane(MState st) {
        return st != MState.RUNNING && st != MState.SPINNING;
    }
}
