package dev.curtain.scenario;

import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Warns when an op whose Go is unmistakable ({@code go worker()}, {@code LockOSThread()}, {@code <-done},
 * {@code defer}, {@code panic}, a named system call…) has a {@code line} that does not hold that Go: the source
 * pane would highlight the wrong line while a goroutine runs it.
 *
 * <p>An op's Go counts as unmistakable only when the source writes it somewhere (outside {@code //} comments): a
 * setns hidden behind a helper such as {@code n.Enter()}, or a write(2) done by {@code fmt.Println}, cannot be
 * told from the text, so such ops are never warned about. Ops whose Go can be written any way (compute, observe,
 * return) are not checked.
 */
final class OpLineWarnings {
    private OpLineWarnings() {
    }

    /** What an op's line must hold: a pattern over a source line with comments removed, and how to name it. */
    record Expected(String op, Pattern pattern, String go) {
        boolean heldBy(String codeLine) {
            return pattern.matcher(codeLine).find();
        }
    }

    /** One warning per statement whose line does not hold its Go, in the order the file writes them. */
    static List<ScenarioError> check(Scenario s, LoadResult.Positions at) {
        if (s.source().isEmpty()) {
            return List.of();
        }
        String[] source = s.source().split("\n", -1);
        String[] code = new String[source.length];
        for (int i = 0; i < source.length; i++) {
            code[i] = withoutLineComment(source[i]);
        }
        List<LoadResult.StatementLine> lines = new ArrayList<>(at.lines());
        lines.sort(Comparator.comparingInt((LoadResult.StatementLine l) -> l.at().line())
                .thenComparingInt(l -> l.at().column()));
        List<ScenarioError> out = new ArrayList<>();
        for (LoadResult.StatementLine l : lines) {
            Statement st = l.statement();
            Expected e = expected(st.op());
            int line = st.line();
            if (e == null || line < 1 || line > code.length || e.heldBy(code[line - 1])) {
                continue;
            }
            int nearest = nearestHolding(code, e, line);
            if (nearest < 0) {
                continue; // the source never writes this Go: it is behind a helper, nothing to compare
            }
            Json.Loc loc = l.at();
            out.add(new ScenarioError(at.file(), Math.max(1, loc.line()), Math.max(1, loc.column()), loc.path(),
                    "warning: op \"" + e.op() + "\" is on source line " + line + " ("
                            + quote(source[line - 1]) + "), which does not hold its Go (" + e.go() + "); line "
                            + nearest + " does"));
        }
        return out;
    }

    /** The source line nearest to {@code line} that holds the Go (the later one on a tie), or -1. */
    private static int nearestHolding(String[] code, Expected e, int line) {
        int best = -1;
        for (int i = 1; i <= code.length; i++) {
            if (e.heldBy(code[i - 1]) && (best < 0 || Math.abs(i - line) <= Math.abs(best - line))) {
                best = i;
            }
        }
        return best;
    }

    /** The Go an op stands for beyond doubt, or null when it can be written in too many ways to check. */
    static Expected expected(Op op) {
        switch (op.kind()) {
            case GO -> {
                String f = ((Op.Go) op).function();
                return of("go", "\\bgo\\s+(?:[\\w.]+\\.)?" + Pattern.quote(lastName(f)) + "\\s*\\(", "go " + f + "()");
            }
            case CALL -> {
                String f = ((Op.Call) op).function();
                return of("call", "\\b" + Pattern.quote(lastName(f)) + "\\s*\\(", f + "()");
            }
            case DEFER -> {
                String f = ((Op.Defer) op).function();
                return of("defer", "\\bdefer\\s+(?:[\\w.]+\\.)?" + Pattern.quote(lastName(f)) + "\\s*\\(",
                        "defer " + f + "()");
            }
            case PANIC -> {
                return of("panic", "\\bpanic\\s*\\(", "panic(…)");
            }
            case RECOVER -> {
                return of("recover", "\\brecover\\s*\\(", "recover()");
            }
            case LOCK_OS_THREAD -> {
                return of("lockOSThread", "(?<!Un)LockOSThread\\s*\\(", "runtime.LockOSThread()");
            }
            case UNLOCK_OS_THREAD -> {
                return of("unlockOSThread", "\\bUnlockOSThread\\s*\\(", "runtime.UnlockOSThread()");
            }
            case SLEEP -> {
                return of("sleep", "\\bSleep\\s*\\(", "time.Sleep(…)");
            }
            case SEND -> {
                String ch = ((Op.Send) op).channel();
                return of("send", "\\b" + Pattern.quote(ch) + "\\s*<-", ch + " <- …");
            }
            case RECEIVE -> {
                String ch = Pattern.quote(((Op.Receive) op).channel());
                return of("receive", "<-\\s*" + ch + "\\b|\\brange\\s+" + ch + "\\b",
                        "<-" + ((Op.Receive) op).channel());
            }
            case GOSCHED -> {
                return of("gosched", "\\bGosched\\s*\\(", "runtime.Gosched()");
            }
            case LOOP -> {
                return of("loop", "\\bfor\\b", "a for statement");
            }
            case SETNS -> {
                return ofIgnoringCase("setns", "\\bsetns\\s*\\(", "unix.Setns(…)");
            }
            case UNSHARE -> {
                return ofIgnoringCase("unshare", "\\bunshare\\s*\\(", "unix.Unshare(…)");
            }
            case SET_PRIORITY -> {
                return ofIgnoringCase("setPriority", "\\bsetpriority\\s*\\(", "syscall.Setpriority(…)");
            }
            case SET_UID -> {
                return ((Op.SetUid) op).how() == CredentialCall.RAW_THREAD
                        ? of("setUid", "\\bSYS_SETUID\\b", "a raw SYS_SETUID")
                        : of("setUid", "\\bSetuid\\s*\\(", "syscall.Setuid(…)");
            }
            case SET_GID -> {
                return ((Op.SetGid) op).how() == CredentialCall.RAW_THREAD
                        ? of("setGid", "\\bSYS_SETGID\\b", "a raw SYS_SETGID")
                        : of("setGid", "\\bSetgid\\s*\\(", "syscall.Setgid(…)");
            }
            case CAPSET -> {
                return ofIgnoringCase("capset", "\\bcapset\\b", "capset(…)");
            }
            case SIGPROCMASK -> {
                return ofIgnoringCase("sigprocmask", "\\b(?:pthread_sigmask|sigprocmask)\\b", "pthread_sigmask(…)");
            }
            case CHDIR -> {
                return ofIgnoringCase("chdir", "\\bchdir\\s*\\(", "os.Chdir(…)");
            }
            case EXIT -> {
                return of("exit", "\\bExit\\s*\\(", "os.Exit(…)");
            }
            case SET_GOMAXPROCS -> {
                return of("setGomaxprocs", "\\bGOMAXPROCS\\s*\\(", "runtime.GOMAXPROCS(…)");
            }
            case SET_MAX_THREADS -> {
                return of("setMaxThreads", "\\bSetMaxThreads\\s*\\(", "debug.SetMaxThreads(…)");
            }
            case SYSCALL -> {
                String n = ((Op.Syscall) op).name();
                return ofIgnoringCase("syscall", "\\b" + Pattern.quote(n) + "\\s*\\(", n + "(…)");
            }
            case RAW_SYSCALL -> {
                return of("rawSyscall", "\\bRawSyscall6?\\s*\\(", "syscall.RawSyscall(…)");
            }
            case NET_WAIT -> {
                String n = ((Op.NetWait) op).name();
                return ofIgnoringCase("netWait", "\\b" + Pattern.quote(n) + "\\s*\\(", n + "(…)");
            }
            default -> {
                return null; // compute, observe, return: any Go at all can stand for them
            }
        }
    }

    private static Expected of(String op, String regex, String go) {
        return new Expected(op, Pattern.compile(regex), go);
    }

    private static Expected ofIgnoringCase(String op, String regex, String go) {
        return new Expected(op, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), go);
    }

    /** {@code ns.Do} is written {@code container.Do(f)} at the call: match the name after the last dot. */
    private static String lastName(String function) {
        int dot = function.lastIndexOf('.');
        return dot < 0 ? function : function.substring(dot + 1);
    }

    /** The line without a trailing {@code //} comment; string, rune and raw-string literals are kept whole. */
    static String withoutLineComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String quote(String sourceLine) {
        String t = sourceLine.strip();
        return "\"" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\"";
    }
}
