package dev.curtain.engine.state;

/** One M: what it does, what it holds, and its per-thread Linux properties. Changed only by {@link Evolver}. */
public final class ThreadState {
    private final int id;
    private final ThreadRole role;
    private final int clonedFrom;
    private final boolean viaTemplate;
    private final long bornNs;
    MState state;
    int p = -1;
    int curg = -1;
    int lockedg = -1;
    ThreadProps props;
    long diedNs = -1;
    /** Gave up its P in mexit: the thread runs no Go code again and its exit is the next thing it does. */
    boolean exiting;
    /**
     * Has run minit: set its signal mask and so can take signals and run Go code. A thread the runtime clones
     * starts with every signal blocked ({@link ThreadProps#ALL_SIGNALS_BLOCKED}) and has not.
     */
    boolean started;

    ThreadState(int id, ThreadRole role, int clonedFrom, boolean viaTemplate, ThreadProps props, long bornNs) {
        this.id = id;
        this.role = role;
        this.clonedFrom = clonedFrom;
        this.viaTemplate = viaTemplate;
        this.props = props;
        this.bornNs = bornNs;
        this.state = role.isSystem() ? MState.SYSTEM : MState.IDLE;
        this.started = role == ThreadRole.MAIN || props.sigmask() != ThreadProps.ALL_SIGNALS_BLOCKED;
    }

    private ThreadState(ThreadState o) {
        this(o.id, o.role, o.clonedFrom, o.viaTemplate, o.props, o.bornNs);
        this.state = o.state;
        this.p = o.p;
        this.curg = o.curg;
        this.lockedg = o.lockedg;
        this.diedNs = o.diedNs;
        this.exiting = o.exiting;
        this.started = o.started;
    }

    ThreadState copy() {
        return new ThreadState(this);
    }

    public int id() { return id; }
    public ThreadRole role() { return role; }
    /** The M whose clone(2) made this one (-1 for m0). */
    public int clonedFrom() { return clonedFrom; }
    /** Whether the template thread made it on behalf of a locked thread. */
    public boolean viaTemplate() { return viaTemplate; }
    public long bornNs() { return bornNs; }
    public long diedNs() { return diedNs; }
    public MState state() { return state; }
    public int p() { return p; }
    public int curg() { return curg; }
    public int lockedg() { return lockedg; }
    public ThreadProps props() { return props; }
    public boolean alive() { return state != MState.EXITED; }
    /** Whether it is on its way out (mexit released its P) but has not exited yet. */
    public boolean exiting() { return exiting && state != MState.EXITED; }
    /**
     * Whether it has run minit. Before, its signal mask is newosproc's all-blocked one, which is the runtime's
     * moment of setting up, not a property anything changed: {@link SchedState#diverged} leaves it out.
     */
    public boolean started() { return started; }
    public boolean spinning() { return state == MState.SPINNING; }
    public boolean system() { return role.isSystem(); }
}
