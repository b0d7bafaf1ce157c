package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.OpKind;
import dev.curtain.engine.program.PipeMode;
import dev.curtain.engine.program.ThreadCall;
import dev.curtain.engine.program.SigHow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every enum constant and operation is called in a file, written out here by hand rather than taken from the
 * tables under test: reordering or renaming an enum, or editing a table, makes one of these fail.
 */
class FileKeysTest {

    @Test
    void namespacesCloneFlagsCredentialCallsAndSignalHowsAreSpelledAsPinned() {
        assertThat(table(FileKeys.NAMESPACE, Namespace.values())).isEqualTo(Map.of(
                "NET", "net", "MNT", "mnt", "UTS", "uts", "USER", "user"));
        assertThat(table(FileKeys.CLONE_FLAG, CloneFlag.values())).isEqualTo(Map.of(
                "NEWNET", "CLONE_NEWNET", "NEWNS", "CLONE_NEWNS", "NEWUTS", "CLONE_NEWUTS",
                "NEWUSER", "CLONE_NEWUSER", "FS", "CLONE_FS"));
        assertThat(table(FileKeys.VIA, CredentialCall.values())).isEqualTo(Map.of(
                "RAW_THREAD", "raw", "SYSCALL_PACKAGE", "syscall"));
        assertThat(table(FileKeys.SIG_HOW, SigHow.values())).isEqualTo(Map.of(
                "BLOCK", "block", "UNBLOCK", "unblock", "SETMASK", "setmask"));
        assertThat(table(FileKeys.OBSERVATION, ObservationKind.values())).isEqualTo(Map.ofEntries(
                Map.entry("CREATE_FILE", "createFile"), Map.entry("OPEN_SOCKET", "openSocket"),
                Map.entry("READ_HOSTNAME", "readHostname"), Map.entry("PRINT", "print"),
                Map.entry("THREAD_ID", "gettid"), Map.entry("READ_UID", "getuid"), Map.entry("READ_GID", "getgid"),
                Map.entry("READ_NICE", "getpriority"), Map.entry("READ_CAPS", "capget"),
                Map.entry("READ_SIGMASK", "sigmask"), Map.entry("READ_MOUNTS", "readMounts")));
        assertThat(table(FileKeys.PIPE_VIA, PipeMode.values())).isEqualTo(Map.of(
                "POLLER", "os", "BLOCKING", "syscall"));
        assertThat(table(FileKeys.THREAD_CALL, ThreadCall.values())).isEqualTo(Map.of(
                "SETUID", "setuid", "SETGID", "setgid", "SETPRIORITY", "setpriority", "CAPSET", "capset"));
    }

    @Test
    void observationsAreSpelledInScenariosAsInRunReports() {
        for (ObservationKind k : ObservationKind.values()) {
            assertThat(FileKeys.OBSERVATION.key(k)).isEqualTo(k.key());
        }
    }

    @Test
    void eachOperationKindHasThePinnedKey() {
        Map<String, String> pinned = new LinkedHashMap<>();
        String[] pairs = {"COMPUTE", "compute", "GO", "go", "CALL", "call", "SYSCALL", "syscall",
            "RAW_SYSCALL", "rawSyscall", "NET_WAIT", "netWait", "SLEEP", "sleep", "SEND", "send", "RECEIVE", "receive",
            "GOSCHED", "gosched", "LOCK_OS_THREAD", "lockOSThread", "UNLOCK_OS_THREAD", "unlockOSThread",
            "SETNS", "setns", "UNSHARE", "unshare", "SET_PRIORITY", "setPriority", "SET_UID", "setUid",
            "SET_GID", "setGid", "CAPSET", "capset", "SIGPROCMASK", "sigprocmask", "CHDIR", "chdir",
            "DEFER", "defer", "PANIC", "panic", "RECOVER", "recover", "RETURN", "return", "EXIT", "exit",
            "OBSERVE", "observe", "LOOP", "loop", "SET_GOMAXPROCS", "setGomaxprocs",
            "SET_MAX_THREADS", "setMaxThreads", "PIPE_READ", "pipeRead", "PIPE_WRITE", "pipeWrite",
            "SET_FLAG", "setFlag", "SPIN_UNTIL", "spinUntil", "ALL_THREADS_SYSCALL", "allThreadsSyscall",
            "ALLOCATE", "allocate"};
        for (int i = 0; i < pairs.length; i += 2) {
            pinned.put(pairs[i], pairs[i + 1]);
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (OpKind k : OpKind.values()) {
            actual.put(k.name(), OpFormats.of(k).key());
        }
        assertThat(actual).isEqualTo(pinned);
    }

    @Test
    void aTableMissingAConstantOrSpellingTwoAlikeIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> KeyTable.of(SigHow.class).key(SigHow.BLOCK, "block").key(SigHow.UNBLOCK, "u")
                .build()).hasMessageContaining("SigHow.SETMASK has no key");
        assertThatThrownBy(() -> KeyTable.of(SigHow.class).key(SigHow.BLOCK, "b").key(SigHow.UNBLOCK, "b")
                .key(SigHow.SETMASK, "s").build()).hasMessageContaining("\"b\" used twice");
    }

    private static <E extends Enum<E>> Map<String, String> table(KeyTable<E> keys, E[] constants) {
        Map<String, String> out = new LinkedHashMap<>();
        for (E c : constants) {
            out.put(c.name(), keys.key(c));
            assertThat(keys.constant(keys.key(c))).isEqualTo(c);
        }
        return out;
    }
}
