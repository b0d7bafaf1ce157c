package dev.curtain.engine;

/** Reads and writes durations the way scenario authors write them: "20us", "10ms", "1.5s", "300ns". */
public final class Durations {
    private Durations() {
    }

    /**
     * The one spelling of a duration: digits, an optional fraction, a unit, nothing else (no sign, exponent, spaces,
     * hex or Java suffixes such as "10d"). The scenario schema has the same pattern.
     */
    private static final java.util.regex.Pattern SYNTAX =
            java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s)");
    /** Durations beyond this are out of range here; the scenario format allows at most an hour. */
    private static final java.math.BigDecimal MAX_NS = java.math.BigDecimal.valueOf(Long.MAX_VALUE / 2);

    /**
     * Nanoseconds from text such as "20us", "10ms", "2s", "1.5ms", "750ns" ("µs" is accepted for "us"). A fraction
     * finer than a nanosecond is rounded to the nearest one, half up.
     */
    public static long parse(String text) {
        java.util.regex.Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (write it like 20us, 10ms or 1s): " + text);
        }
        long scale = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        java.math.BigDecimal ns = new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.valueOf(scale))
                .setScale(0, java.math.RoundingMode.HALF_UP);
        if (ns.compareTo(MAX_NS) > 0) {
            throw new IllegalArgumentException("duration out of range: " + text);
        }
        return ns.longValueExact();
    }

    /** Exact text for a duration in the largest unit that divides it: 20000 → "20us", 1500000 → "1500us". */
    public static String format(long ns) {
        if (ns != 0 && ns % 1_000_000_000L == 0) {
            return (ns / 1_000_000_000L) + "s";
        }
        if (ns != 0 && ns % 1_000_000L == 0) {
            return (ns / 1_000_000L) + "ms";
        }
        if (ns != 0 && ns % 1_000L == 0) {
            return (ns / 1_000L) + "us";
        }
        return ns + "ns";
    }

    /** Short text for people, rounded to about three digits: 1234567 → "1.235ms". */
    public static String human(long ns) {
        if (ns >= 1_000_000_000L) {
            return trim(ns / 1e9) + "s";
        }
        if (ns >= 1_000_000L) {
            return trim(ns / 1e6) + "ms";
        }
        if (ns >= 1_000L) {
            return trim(ns / 1e3) + "µs";
        }
        return ns + "ns";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
