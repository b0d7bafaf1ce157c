package dev.curtain.engine;

/**
 * The machine a run is imagined on: how many CPUs its threads share, and how much of each CPU other processes take.
 * {@link #UNLIMITED} (the default) gives every runnable thread a CPU at once, as the engine always did; a host with
 * {@code cpus} makes threads beyond that many wait for one (docs/engine.md, "CPU contention").
 *
 * @param cpus CPUs the threads share, 1 to {@link #MAX_CPUS}; 0 for as many as there are threads
 * @param otherLoadPercent the share of each CPU's time other processes want, 0 to {@link #MAX_OTHER_LOAD}; only with
 *     {@code cpus}
 */
public record Host(int cpus, int otherLoadPercent) {
    public static final int MAX_CPUS = 1024;
    public static final int MAX_OTHER_LOAD = 95;
    public static final Host UNLIMITED = new Host(0, 0);

    public Host {
        if (cpus < 0 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("cpus must be between 1 and " + MAX_CPUS + " (0: unlimited)");
        }
        if (otherLoadPercent < 0 || otherLoadPercent > MAX_OTHER_LOAD) {
            throw new IllegalArgumentException("the other load must be between 0 and " + MAX_OTHER_LOAD + " %");
        }
        if (cpus == 0 && otherLoadPercent > 0) {
            throw new IllegalArgumentException("an other load needs a number of CPUs");
        }
    }

    /** Whether threads contend for CPUs at all. */
    public boolean limited() {
        return cpus > 0;
    }
}
