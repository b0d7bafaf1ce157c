package dev.curtain.scenario;

import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.PipeMode;
import dev.curtain.engine.program.SigHow;
import dev.curtain.engine.program.ThreadCall;

/** The spelling in files of every enum a scenario's operations take. */
final class FileKeys {
    private FileKeys() {
    }

    static final KeyTable<Namespace> NAMESPACE = KeyTable.of(Namespace.class)
            .key(Namespace.NET, "net")
            .key(Namespace.MNT, "mnt")
            .key(Namespace.UTS, "uts")
            .key(Namespace.USER, "user")
            .build();

    /** Spelled as in Go's unix package. */
    static final KeyTable<CloneFlag> CLONE_FLAG = KeyTable.of(CloneFlag.class)
            .key(CloneFlag.NEWNET, "CLONE_NEWNET")
            .key(CloneFlag.NEWNS, "CLONE_NEWNS")
            .key(CloneFlag.NEWUTS, "CLONE_NEWUTS")
            .key(CloneFlag.NEWUSER, "CLONE_NEWUSER")
            .key(CloneFlag.FS, "CLONE_FS")
            .build();

    /** A raw per-thread syscall, or the syscall package. */
    static final KeyTable<CredentialCall> VIA = KeyTable.of(CredentialCall.class)
            .key(CredentialCall.RAW_THREAD, "raw")
            .key(CredentialCall.SYSCALL_PACKAGE, "syscall")
            .build();

    static final KeyTable<SigHow> SIG_HOW = KeyTable.of(SigHow.class)
            .key(SigHow.BLOCK, "block")
            .key(SigHow.UNBLOCK, "unblock")
            .key(SigHow.SETMASK, "setmask")
            .build();

    /** The same spellings as {@link ObservationKind#key()}, which run reports use (a test keeps them equal). */
    static final KeyTable<ObservationKind> OBSERVATION = KeyTable.of(ObservationKind.class)
            .key(ObservationKind.CREATE_FILE, "createFile")
            .key(ObservationKind.OPEN_SOCKET, "openSocket")
            .key(ObservationKind.READ_HOSTNAME, "readHostname")
            .key(ObservationKind.PRINT, "print")
            .key(ObservationKind.THREAD_ID, "gettid")
            .key(ObservationKind.READ_UID, "getuid")
            .key(ObservationKind.READ_GID, "getgid")
            .key(ObservationKind.READ_NICE, "getpriority")
            .key(ObservationKind.READ_CAPS, "capget")
            .key(ObservationKind.READ_SIGMASK, "sigmask")
            .key(ObservationKind.READ_MOUNTS, "readMounts")
            .build();

    /** How a pipe is read: an os.Pipe file (the poller) or syscall.Read on a blocking descriptor. */
    static final KeyTable<PipeMode> PIPE_VIA = KeyTable.of(PipeMode.class)
            .key(PipeMode.POLLER, "os")
            .key(PipeMode.BLOCKING, "syscall")
            .build();

    /** The per-thread calls syscall.AllThreadsSyscall can run, by their syscall's name. */
    static final KeyTable<ThreadCall> THREAD_CALL = KeyTable.of(ThreadCall.class)
            .key(ThreadCall.SETUID, "setuid")
            .key(ThreadCall.SETGID, "setgid")
            .key(ThreadCall.SETPRIORITY, "setpriority")
            .key(ThreadCall.CAPSET, "capset")
            .build();
}
