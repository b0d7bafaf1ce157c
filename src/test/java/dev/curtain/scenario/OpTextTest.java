package dev.curtain.scenario;

import static dev.curtain.engine.program.Ops.allThreads;
import static dev.curtain.engine.program.Ops.call;
import static dev.curtain.engine.program.Ops.clearFlag;
import static dev.curtain.engine.program.Ops.nosplitLoop;
import static dev.curtain.engine.program.Ops.pipeRead;
import static dev.curtain.engine.program.Ops.pipeWrite;
import static dev.curtain.engine.program.Ops.setFlag;
import static dev.curtain.engine.program.Ops.spinUntil;
import static dev.curtain.engine.program.Ops.capset;
import static dev.curtain.engine.program.Ops.chdir;
import static dev.curtain.engine.program.Ops.compute;
import static dev.curtain.engine.program.Ops.defer;
import static dev.curtain.engine.program.Ops.exit;
import static dev.curtain.engine.program.Ops.forever;
import static dev.curtain.engine.program.Ops.go;
import static dev.curtain.engine.program.Ops.gomaxprocs;
import static dev.curtain.engine.program.Ops.gosched;
import static dev.curtain.engine.program.Ops.lock;
import static dev.curtain.engine.program.Ops.loop;
import static dev.curtain.engine.program.Ops.netWait;
import static dev.curtain.engine.program.Ops.observe;
import static dev.curtain.engine.program.Ops.panic;
import static dev.curtain.engine.program.Ops.rawSyscall;
import static dev.curtain.engine.program.Ops.recover;
import static dev.curtain.engine.program.Ops.recv;
import static dev.curtain.engine.program.Ops.ret;
import static dev.curtain.engine.program.Ops.send;
import static dev.curtain.engine.program.Ops.setMaxThreads;
import static dev.curtain.engine.program.Ops.setgid;
import static dev.curtain.engine.program.Ops.setns;
import static dev.curtain.engine.program.Ops.setpriority;
import static dev.curtain.engine.program.Ops.setuid;
import static dev.curtain.engine.program.Ops.sigprocmask;
import static dev.curtain.engine.program.Ops.sleep;
import static dev.curtain.engine.program.Ops.spin;
import static dev.curtain.engine.program.Ops.syscall;
import static dev.curtain.engine.program.Ops.unlock;
import static dev.curtain.engine.program.Ops.unshare;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.PipeMode;
import dev.curtain.engine.program.ThreadCall;
import dev.curtain.engine.program.SigHow;
import dev.curtain.engine.program.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation and every spelling of every choice, as text written by hand and as the program it means, with no
 * table of the format in between: the round-trip properties compare the reader with the writer, which share those
 * tables, so only a test like this one notices a table that says the wrong thing.
 */
class OpTextTest {
    private static final String STATEMENTS = """
            {"op": "compute", "duration": "10ms"},
            {"op": "compute", "duration": "1us", "callsFunctions": false},
            {"op": "compute", "duration": "2ms", "callsFunctions": false, "nosplitShare": 99},
            {"op": "go", "function": "w"},
            {"op": "call", "function": "w"},
            {"op": "syscall", "name": "write", "duration": "1ms"},
            {"op": "rawSyscall", "name": "setuid", "duration": "5us"},
            {"op": "netWait", "name": "accept", "duration": "2s"},
            {"op": "pipeRead", "pipe": "p", "via": "os"},
            {"op": "pipeRead", "pipe": "q", "via": "syscall"},
            {"op": "pipeWrite", "pipe": "p"},
            {"op": "setFlag", "flag": "f"},
            {"op": "setFlag", "flag": "f", "value": false},
            {"op": "spinUntil", "flag": "f"},
            {"op": "spinUntil", "flag": "g", "callsFunctions": true, "nosplitShare": 50},
            {"op": "allThreadsSyscall", "call": "setuid", "value": 1000},
            {"op": "allThreadsSyscall", "call": "setgid", "value": 7},
            {"op": "allThreadsSyscall", "call": "setpriority", "value": -3},
            {"op": "allThreadsSyscall", "call": "capset", "value": 4096},
            {"op": "sleep", "duration": "3ms"},
            {"op": "send", "channel": "c"},
            {"op": "receive", "channel": "c"},
            {"op": "gosched"},
            {"op": "lockOSThread"},
            {"op": "unlockOSThread"},
            {"op": "setns", "namespace": "net", "target": "a"},
            {"op": "setns", "namespace": "mnt", "target": "b"},
            {"op": "setns", "namespace": "uts", "target": "c"},
            {"op": "setns", "namespace": "user", "target": "d"},
            {"op": "unshare", "flag": "CLONE_NEWNET"},
            {"op": "unshare", "flag": "CLONE_NEWNS"},
            {"op": "unshare", "flag": "CLONE_NEWUTS"},
            {"op": "unshare", "flag": "CLONE_NEWUSER"},
            {"op": "unshare", "flag": "CLONE_FS"},
            {"op": "setPriority", "nice": -5},
            {"op": "setUid", "uid": 1000, "via": "raw"},
            {"op": "setUid", "uid": 7, "via": "syscall"},
            {"op": "setGid", "gid": 1000, "via": "raw"},
            {"op": "capset", "caps": "0000000000000001"},
            {"op": "sigprocmask", "how": "block", "mask": "0000000000000002"},
            {"op": "sigprocmask", "how": "unblock", "mask": "0000000000000004"},
            {"op": "sigprocmask", "how": "setmask", "mask": "0000000000000008"},
            {"op": "chdir", "path": "/tmp"},
            {"op": "defer", "function": "w"},
            {"op": "panic", "message": "boom"},
            {"op": "recover"},
            {"op": "return"},
            {"op": "exit"},
            {"op": "exit", "code": 3},
            {"op": "observe", "what": "createFile", "detail": "/tmp/x"},
            {"op": "observe", "what": "openSocket"},
            {"op": "observe", "what": "readHostname"},
            {"op": "observe", "what": "print", "detail": "hi"},
            {"op": "observe", "what": "gettid"},
            {"op": "observe", "what": "getuid"},
            {"op": "observe", "what": "getgid"},
            {"op": "observe", "what": "getpriority"},
            {"op": "observe", "what": "capget"},
            {"op": "observe", "what": "sigmask"},
            {"op": "observe", "what": "readMounts", "detail": "/proc/self/mountinfo"},
            {"op": "loop", "times": 2, "body": [{"op": "gosched"}]},
            {"op": "loop", "forever": true, "body": []},
            {"op": "setGomaxprocs", "procs": 2},
            {"op": "setMaxThreads", "threads": 50}
            """;

    private static final List<Statement> MEANING = List.of(
            compute("10ms"), spin("1us"), nosplitLoop("2ms", 99), go("w"), call("w"), syscall("write", "1ms"),
            rawSyscall("setuid", "5us"), netWait("accept", "2s"),
            pipeRead("p", PipeMode.POLLER), pipeRead("q", PipeMode.BLOCKING), pipeWrite("p"), setFlag("f"),
            clearFlag("f"), spinUntil("f"), Statement.of(new Op.SpinUntil("g", true, 50)),
            allThreads(ThreadCall.SETUID, 1000), allThreads(ThreadCall.SETGID, 7),
            allThreads(ThreadCall.SETPRIORITY, -3), allThreads(ThreadCall.CAPSET, 4096), sleep("3ms"), send("c"), recv("c"), gosched(), lock(), unlock(),
            setns(Namespace.NET, "a"), setns(Namespace.MNT, "b"), setns(Namespace.UTS, "c"),
            setns(Namespace.USER, "d"),
            unshare(CloneFlag.NEWNET), unshare(CloneFlag.NEWNS), unshare(CloneFlag.NEWUTS), unshare(CloneFlag.NEWUSER),
            unshare(CloneFlag.FS),
            setpriority(-5), setuid(1000, CredentialCall.RAW_THREAD), setuid(7, CredentialCall.SYSCALL_PACKAGE),
            setgid(1000, CredentialCall.RAW_THREAD), capset(1),
            sigprocmask(SigHow.BLOCK, 2), sigprocmask(SigHow.UNBLOCK, 4), sigprocmask(SigHow.SETMASK, 8),
            chdir("/tmp"), defer("w"), panic("boom"), recover(), ret(), exit(0), exit(3),
            observe(ObservationKind.CREATE_FILE, "/tmp/x"), observe(ObservationKind.OPEN_SOCKET, ""),
            observe(ObservationKind.READ_HOSTNAME, ""), observe(ObservationKind.PRINT, "hi"),
            observe(ObservationKind.THREAD_ID, ""), observe(ObservationKind.READ_UID, ""),
            observe(ObservationKind.READ_GID, ""), observe(ObservationKind.READ_NICE, ""),
            observe(ObservationKind.READ_CAPS, ""), observe(ObservationKind.READ_SIGMASK, ""),
            observe(ObservationKind.READ_MOUNTS, "/proc/self/mountinfo"),
            loop(2, gosched()), forever(), gomaxprocs(2), setMaxThreads(50));

    private static String document(String statements) {
        return "{\"format\": 1, \"title\": \"t\", \"channels\": [{\"name\": \"c\"}], \"functions\": {\"main\": ["
                + statements + "], \"w\": []}}";
    }

    @Test
    void eachStatementMeansThePinnedOperation() {
        LoadResult r = ScenarioFiles.parse(document(STATEMENTS), "every-op.json");
        assertThat(r.errors()).isEmpty();
        assertThat(r.scenario().program().function("main").body()).containsExactlyElementsOf(MEANING);
    }

    @Test
    void eachOperationIsWrittenAsThePinnedText() {
        LoadResult r = ScenarioFiles.parse(document(STATEMENTS), "every-op.json");
        String written = Json.write(ScenarioWriter.write(r.scenario()), false);
        String expected = STATEMENTS.replace("\n", "").replace(", ", ",").replace(": ", ":");
        assertThat(written).contains("\"main\":[" + expected + "]");
    }
}
