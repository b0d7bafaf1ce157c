package dev.curtain.scenario;

import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    /** Go that matters sits near the start of a line; longer lines are judged by this many characters. */
    static final int MAX_LINE_CHARS = 400;
    /**
     * At most this many different Go texts are looked for across the whole source, so a file at the format's
     * limits (20,000 ops, 10,000 source lines) is still checked in well under a second; ops past it go unjudged.
     */
    static final int MAX_SEARCHES = 64;

    private OpLineWarnings() {
    }

    /**
     * What an op's line must hold: a pattern over a source line with comments removed, and how to name it. The
     * literal is a plain string every holding line contains, looked for first because it is far cheaper.
     */
    record Expected(String op, String literal, boolean ignoreCase, Pattern pattern, String go) {
        boolean heldBy(String codeLine, String lowerCodeLine) {
            return (ignoreCase ? lowerCodeLine : codeLine).contains(literal) && pattern.matcher(codeLine).find();
        }
    }

    /** One warning per statement whose line does not hold its Go, in the order the file writes them. */
    static List<ScenarioError> check(Scenario s, LoadResult.Positions at) {
        if (s.source().isEmpty()) {
            return List.of();
        }
        String[] source = s.source().split("\n", -1);
        String[] code = new String[source.length];
        String[] lower = new String[source.length];
        for (int i = 0; i < source.length; i++) {
            String line = source[i].length() > MAX_LINE_CHARS ? source[i].substring(0, MAX_LINE_CHARS) : source[i];
            code[i] = withoutLineComment(line);
            lower[i] = code[i].toLowerCase(Locale.ROOT);
        }
        Map<String, Integer> nearestCache = new HashMap<>();
        // ops are records: equal ops share one compiled pattern
        Map<Op, Optional<Expected>> patterns = new HashMap<>();
        List<LoadResult.StatementLine> lines = new ArrayList<>(at.lines());
        lines.sort(Comparator.comparingInt((LoadResult.StatementLine l) -> l.at().line())
                .thenComparingInt(l -> l.at().column()));
        List<ScenarioError> out = new ArrayList<>();
        for (LoadResult.StatementLine l : lines) {
            Statement st = l.statement();
            Expected e = patterns.computeIfAbsent(st.op(), OpLineWarnings::expectedOrNone).orElse(null);
            int line = st.line();
            if (e == null || line < 1 || line > code.length || e.heldBy(code[line - 1], lower[line - 1])) {
                continue;
            }
            String key = e.pattern().flags() + ":" + e.pattern().pattern() + "@" + line;
            Integer found = nearestCache.get(key);
            if (found == null) {
                if (nearestCache.size() >= MAX_SEARCHES) {
                    continue;
                }
                found = nearestHolding(code, lower, e, line);
                nearestCache.put(key, found);
            }
            int nearest = found;
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
    private static int nearestHolding(String[] code, String[] lower, Expected e, int line) {
        int best = -1;
        for (int i = 1; i <= code.length; i++) {
            if (e.heldBy(code[i - 1], lower[i - 1]) && (best < 0 || Math.abs(i - line) <= Math.abs(best - line))) {
                best = i;
            }
        }
        return best;
    }

    private static Optional<Expected> expectedOrNone(Op op) {
        return Optional.ofNullable(expected(op));
    }

    /** The Go an op stands for beyond doubt, or null when it can be written in too many ways to check. */
    static Expected expected(Op op) {
        switch (op.kind()) {
            case GO -> {
                String f = ((Op.Go) op).function();
                return of("go", lastName(f), "\\bgo\\s+(?:[\\w.]+\\.)?" + Pattern.quote(lastName(f)) + "\\s*\\(",
                        "go " + f + "()");
            }
            case CALL -> {
                String f = ((Op.Call) op).function();
                // not the declaration: "func f(" or the method's "func (n *NS) Do("
                return of("call", lastName(f), "(?<!func )(?<!\\) )\\b" + Pattern.quote(lastName(f)) + "\\s*\\(",
                        f + "()");
            }
            case DEFER -> {
                String f = ((Op.Defer) op).function();
                return of("defer", "defer", "\\bdefer\\s+(?:[\\w.]+\\.)?" + Pattern.quote(lastName(f)) + "\\s*\\(",
                        "defer " + f + "()");
            }
            case PANIC -> {
                return of("panic", "panic", "\\bpanic\\s*\\(", "panic(…)");
            }
            case RECOVER -> {
                return of("recover", "recover", "\\brecover\\s*\\(", "recover()");
            }
            case LOCK_OS_THREAD -> {
                return of("lockOSThread", "LockOSThread", "(?<!Un)LockOSThread\\s*\\(", "runtime.LockOSThread()");
            }
            case UNLOCK_OS_THREAD -> {
                return of("unlockOSThread", "UnlockOSThread", "\\bUnlockOSThread\\s*\\(",
                        "runtime.UnlockOSThread()");
            }
            case SLEEP -> {
                return of("sleep", "Sleep", "\\bSleep\\s*\\(", "time.Sleep(…)");
            }
            case SEND -> {
                String ch = ((Op.Send) op).channel();
                return of("send", ch, "\\b" + Pattern.quote(ch) + "\\s*<-", ch + " <- …");
            }
            case RECEIVE -> {
                String ch = Pattern.quote(((Op.Receive) op).channel());
                return of("receive", ((Op.Receive) op).channel(), "<-\\s*" + ch + "\\b|\\brange\\s+" + ch + "\\b",
                        "<-" + ((Op.Receive) op).channel());
            }
            case GOSCHED -> {
                return of("gosched", "Gosched", "\\bGosched\\s*\\(", "runtime.Gosched()");
            }
            case LOOP -> {
                return of("loop", "for", "\\bfor\\b", "a for statement");
            }
            case SETNS -> {
                return ofIgnoringCase("setns", "setns", "\\bsetns\\s*\\(", "unix.Setns(…)");
            }
            case UNSHARE -> {
                return ofIgnoringCase("unshare", "unshare", "\\bunshare\\s*\\(", "unix.Unshare(…)");
            }
            case SET_PRIORITY -> {
                return ofIgnoringCase("setPriority", "setpriority", "\\bsetpriority\\s*\\(",
                        "syscall.Setpriority(…)");
            }
            case SET_UID -> {
                return ((Op.SetUid) op).how() == CredentialCall.RAW_THREAD
                        ? of("setUid", "SYS_SETUID", "\\bSYS_SETUID\\b", "a raw SYS_SETUID")
                        : of("setUid", "Setuid", "\\bSetuid\\s*\\(", "syscall.Setuid(…)");
            }
            case SET_GID -> {
                return ((Op.SetGid) op).how() == CredentialCall.RAW_THREAD
                        ? of("setGid", "SYS_SETGID", "\\bSYS_SETGID\\b", "a raw SYS_SETGID")
                        : of("setGid", "Setgid", "\\bSetgid\\s*\\(", "syscall.Setgid(…)");
            }
            case CAPSET -> {
                return ofIgnoringCase("capset", "capset", "\\bcapset\\b", "capset(…)");
            }
            case SIGPROCMASK -> {
                return ofIgnoringCase("sigprocmask", "mask", "\\b(?:pthread_sigmask|sigprocmask)\\b",
                        "pthread_sigmask(…)");
            }
            case CHDIR -> {
                return ofIgnoringCase("chdir", "chdir", "\\bchdir\\s*\\(", "os.Chdir(…)");
            }
            case EXIT -> {
                return of("exit", "Exit", "\\bExit\\s*\\(", "os.Exit(…)");
            }
            case SET_GOMAXPROCS -> {
                return of("setGomaxprocs", "GOMAXPROCS", "\\bGOMAXPROCS\\s*\\(", "runtime.GOMAXPROCS(…)");
            }
            case SET_MAX_THREADS -> {
                return of("setMaxThreads", "SetMaxThreads", "\\bSetMaxThreads\\s*\\(", "debug.SetMaxThreads(…)");
            }
            case SYSCALL -> {
                String n = ((Op.Syscall) op).name();
                return ofIgnoringCase("syscall", n.toLowerCase(Locale.ROOT), "\\b" + Pattern.quote(n) + "\\s*\\(",
                        n + "(…)");
            }
            case RAW_SYSCALL -> {
                return of("rawSyscall", "RawSyscall", "\\bRawSyscall6?\\s*\\(", "syscall.RawSyscall(…)");
            }
            case NET_WAIT -> {
                String n = ((Op.NetWait) op).name();
                return ofIgnoringCase("netWait", n.toLowerCase(Locale.ROOT), "\\b" + Pattern.quote(n) + "\\s*\\(",
                        n + "(…)");
            }
            default -> {
                return null; // compute, observe, return: any Go at all can stand for them
            }
        }
    }

    private static Expected of(String op, String literal, String regex, String go) {
        return new Expected(op, literal, false, Pattern.compile(regex), go);
    }

    /** {@code literal} in lower case: it is looked for in the lower-cased line. */
    private static Expected ofIgnoringCase(String op, String literal, String regex, String go) {
        return new Expected(op, literal, true, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), go);
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
