package dev.curtain.engine.state;

/** A channel's buffer occupancy (who waits on it is each goroutine's place). */
public final class ChannelState {
    private final String name;
    private final int capacity;
    int buffered;

    ChannelState(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    ChannelState copy() {
        ChannelState c = new ChannelState(name, capacity);
        c.buffered = buffered;
        return c;
    }

    public String name() { return name; }
    public int capacity() { return capacity; }
    public int buffered() { return buffered; }
}
