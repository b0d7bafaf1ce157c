package dev.curtain.engine;

/** Reads and writes durations the way scenario authors write them: "20us", "10ms", "1.5s", "300ns". */
public final class Durations {
    private Durations() {
    }

    /** Nanoseconds from text such as "20us", "10ms", "2s", "1.5ms", "750ns" ("µs" is accepted for "us"). */
    public static long parse(String text) {
        String t = text.trim().replace("µs", "us");
        String[] units = {"ns", "us", "ms", "s"};
        long[] scale = {1L, 1_000L, 1_000_000L, 1_000_000_000L};
        for (int i = 0; i < units.length; i++) {
            String unit = units[i];
            if (t.endsWith(unit) && !(unit.equals("s") && (t.endsWith("ns") || t.endsWith("us") || t.endsWith("ms")))) {
                String number = t.substring(0, t.length() - unit.length()).trim();
                if (number.isEmpty()) {
                    break;
                }
                try {
                    double v = Double.parseDouble(number);
                    if (v < 0 || Double.isNaN(v) || Double.isInfinite(v) || v * scale[i] > Long.MAX_VALUE / 2.0) {
                        throw new IllegalArgumentException("duration out of range: " + text);
                    }
                    return Math.round(v * scale[i]);
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("not a duration (write it like 20us, 10ms or 1s): " + text);
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
