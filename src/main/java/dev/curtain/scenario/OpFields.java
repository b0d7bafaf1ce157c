package dev.curtain.scenario;

import dev.curtain.engine.program.ObservationKind;
import java.util.ArrayList;
import java.util.List;

/** The fields each operation takes in format version 1, and the spellings of its enumerated values. */
final class OpFields {
    private OpFields() {
    }

    /** In the order of {@code Namespace.values()}. */
    static final List<String> NAMESPACES = List.of("net", "mnt", "uts", "user");
    /** In the order of {@code CloneFlag.values()}; spelled as in Go's unix package. */
    static final List<String> CLONE_FLAGS = List.of("CLONE_NEWNET", "CLONE_NEWNS", "CLONE_NEWUTS", "CLONE_NEWUSER",
            "CLONE_FS");
    /** In the order of {@code CredentialCall.values()}: a raw per-thread syscall, or the syscall package. */
    static final List<String> VIA = List.of("raw", "syscall");
    /** In the order of {@code SigHow.values()}. */
    static final List<String> SIG_HOW = List.of("block", "unblock", "setmask");
    /** In the order of {@code ObservationKind.values()}. */
    static final List<String> OBSERVATIONS;

    static {
        List<String> keys = new ArrayList<>();
        for (ObservationKind k : ObservationKind.values()) {
            keys.add(k.key());
        }
        OBSERVATIONS = List.copyOf(keys);
    }

    /** The fields an op takes besides "op" and "line". */
    static List<String> of(String op) {
        return switch (op) {
            case "compute" -> List.of("duration", "callsFunctions");
            case "go", "call", "defer" -> List.of("function");
            case "syscall", "rawSyscall", "netWait" -> List.of("name", "duration");
            case "sleep" -> List.of("duration");
            case "send", "receive" -> List.of("channel");
            case "setns" -> List.of("namespace", "target");
            case "unshare" -> List.of("flag");
            case "setPriority" -> List.of("nice");
            case "setUid" -> List.of("uid", "via");
            case "setGid" -> List.of("gid", "via");
            case "capset" -> List.of("caps");
            case "sigprocmask" -> List.of("how", "mask");
            case "chdir" -> List.of("path");
            case "panic" -> List.of("message");
            case "exit" -> List.of("code");
            case "observe" -> List.of("what", "detail");
            case "loop" -> List.of("times", "forever", "body");
            case "setGomaxprocs" -> List.of("procs");
            case "setMaxThreads" -> List.of("threads");
            default -> List.of();
        };
    }
}
