package dev.curtain.scenario;

import dev.curtain.engine.Durations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed access to the members of a parsed document that collects a problem, with its file, line, column and path,
 * instead of throwing: each method returns the value, the fallback when the member is absent, or null after
 * recording why the value cannot be used. Nothing here knows what a scenario is; {@link ScenarioReader} says which
 * fields exist and what they mean.
 */
final class FieldReader {
    /** A Go-identifier-like name, dots allowed (functions, channels). */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");

    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();
    private final DidYouMean didYouMean = new DidYouMean();

    FieldReader(String file) {
        this.file = file;
    }

    /** Every problem recorded so far, in the order found. */
    List<ScenarioError> errors() {
        return errors;
    }

    /** {@code " (did you mean \"x\"?)"} for a near miss of one of {@code known}, else "". */
    String suggest(String wrong, List<String> known) {
        return didYouMean.suggest(wrong, known);
    }

    /** Records a problem at {@code loc}. */
    void error(Json.Loc loc, String message) {
        errors.add(new ScenarioError(file, Math.max(1, loc.line()), Math.max(1, loc.column()), loc.path(),
                message));
    }

    void onlyKnown(Json.Obj o, List<String> allowed, String what) {
        for (String key : o.members().keySet()) {
            if (!allowed.contains(key)) {
                error(o.keyLoc(key), "unknown field \"" + key + "\" in " + what + didYouMean.suggest(key, allowed)
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    Json.Obj object(Json v, String what) {
        if (v instanceof Json.Obj o) {
            return o;
        }
        error(v.loc(), what + " is an object, found " + v.typeName());
        return null;
    }

    /** An array, or null when absent (no error) or of another type (error). */
    Json.Arr array(Json v, String what) {
        if (v == null) {
            return null;
        }
        if (v instanceof Json.Arr a) {
            return a;
        }
        error(v.loc(), what + " is an array, found " + v.typeName());
        return null;
    }

    private Json required(Json.Obj o, String key, boolean required, String hint) {
        Json v = o.get(key);
        if (v == null && required) {
            error(o.loc(), "missing required field \"" + key + "\"" + hint);
        }
        return v;
    }

    String string(Json.Obj o, String key, String fallback, boolean required) {
        Json v = required(o, key, required, "");
        if (v == null) {
            return fallback;
        }
        if (v instanceof Json.Str s) {
            return s.value();
        }
        error(v.loc(), "\"" + key + "\" is a string, found " + v.typeName());
        return null;
    }

    /** A required identifier-like name (function, channel, cue id). */
    String identifier(Json.Obj o, String key) {
        String s = string(o, key, null, true);
        if (s != null && !IDENTIFIER.matcher(s).matches()) {
            error(o.get(key).loc(), "\"" + key + "\" must be a name like done or worker_1, found \"" + s + "\"");
            return null;
        }
        return s;
    }

    /** A non-empty name (namespace). */
    String name(Json.Obj o, String key, String fallback) {
        String s = string(o, key, fallback, fallback == null);
        if (s != null && s.isBlank()) {
            error(o.get(key).loc(), "\"" + key + "\" must not be empty");
            return null;
        }
        return s;
    }

    Boolean bool(Json.Obj o, String key, Boolean fallback) {
        Json v = o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Json.Bool b) {
            return b.value();
        }
        error(v.loc(), "\"" + key + "\" is true or false, found " + v.typeName());
        return null;
    }

    Long longValue(Json.Obj o, String key, long min, long max, Long fallback) {
        Json v = required(o, key, fallback == null, "");
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Json.Num n) || !n.integral()) {
            error(v.loc(), "\"" + key + "\" is a whole number, found " + v.typeName());
            return null;
        }
        BigDecimal d = n.value();
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(v.loc(), "\"" + key + "\" is " + d.toPlainString() + ", outside " + min + ".." + max);
            return null;
        }
        return d.longValueExact();
    }

    Integer integer(Json.Obj o, String key, int min, int max, Integer fallback, boolean required) {
        if (!o.has(key)) {
            if (required) {
                error(o.loc(), "missing required field \"" + key + "\"");
                return null;
            }
            return fallback;
        }
        Long l = longValue(o, key, min, max, null);
        return l == null ? null : l.intValue();
    }

    Long duration(Json.Obj o, String key, long min, long max, Long fallback, boolean required) {
        Json v = required(o, key, required, " (a duration like \"20us\", \"10ms\" or \"1s\")");
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Json.Str s)) {
            error(v.loc(), "\"" + key + "\" is a duration written as a string like \"20us\", \"10ms\" or \"1s\", "
                    + "found " + v.typeName());
            return null;
        }
        long ns;
        try {
            ns = Durations.parse(s.value());
        } catch (IllegalArgumentException e) {
            error(v.loc(), e.getMessage());
            return null;
        }
        if (ns < min || ns > max) {
            error(v.loc(), "\"" + key + "\" is " + s.value() + ", outside " + Durations.format(min) + ".."
                    + Durations.format(max));
            return null;
        }
        return ns;
    }

    Long hex(Json.Obj o, String key, Long fallback) {
        Json v = o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Json.Str s && HEX.matcher(s.value()).matches()) {
            return Long.parseUnsignedLong(s.value(), 16);
        }
        error(v.loc(), "\"" + key + "\" is a hex string of up to 16 digits, like \"000001ffffffffff\"");
        return null;
    }

    /** A required choice among an enum's constants, as the file spells them. */
    <E extends Enum<E>> E choice(Json.Obj o, String key, KeyTable<E> keys) {
        String s = string(o, key, null, true);
        if (s == null) {
            return null;
        }
        E value = keys.constant(s);
        if (value == null) {
            error(o.get(key).loc(), "\"" + key + "\" is \"" + s + "\"; one of: " + String.join(", ", keys.keys()));
            return null;
        }
        return value;
    }
}
