package dev.curtain.engine.state;

import java.util.function.Function;

/** The per-thread properties the inspector shows, each with how to read it and how to print it. */
public enum Property {
    UID("uid", p -> Integer.toString(p.uid())),
    GID("gid", p -> Integer.toString(p.gid())),
    CAPS("caps", p -> ThreadProps.capsHex(p.caps())),
    NETNS("netns", ThreadProps::netns),
    MNTNS("mntns", ThreadProps::mntns),
    UTSNS("utsns", ThreadProps::utsns),
    NICE("nice", p -> Integer.toString(p.nice())),
    SIGMASK("sigmask", p -> ThreadProps.maskHex(p.sigmask())),
    PRIVATE_FS("privateFs", p -> p.privateFs() ? "private:" + p.cwd() : "shared");

    private final String key;
    private final Function<ThreadProps, String> reader;

    Property(String key, Function<ThreadProps, String> reader) {
        this.key = key;
        this.reader = reader;
    }

    /** The name used in files, JSON and the inspector's column header. */
    public String key() {
        return key;
    }

    /** The property's value as text, comparable across threads. */
    public String valueOf(ThreadProps props) {
        return reader.apply(props);
    }

    /** Whether this property of {@code props} differs from the process baseline. */
    public boolean differs(ThreadProps props, ThreadProps baseline) {
        return !valueOf(props).equals(valueOf(baseline));
    }
}
