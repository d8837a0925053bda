package dev.logsagent.bench.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading and checking the values of a bench's command-line options; every error names the option. */
final class OptionValues {
    private static final Set<String> COMPRESSIONS = Set.of("none", "zstd", "gzip");

    private OptionValues() {
    }

    /**
     * The command line as (name, value) pairs in order: every option takes the next argument as its value, except
     * the {@code flags}, whose value is empty.
     */
    static List<Map.Entry<String, String>> pairs(String[] args, Set<String> flags) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                pairs.add(Map.entry(name, ""));
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": a value is missing");
            }
            pairs.add(Map.entry(name, args[++i]));
        }
        return pairs;
    }

    static long integer(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not a whole number");
        }
    }

    static double decimal(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not a number");
        }
    }

    /** {@code 4096}, {@code 10k} / {@code 10KiB} (× 1024), {@code 1m} / {@code 1MiB} (× 1024²). */
    static long bytes(String name, String v) {
        String s = v.toLowerCase(Locale.ROOT).replace("ib", "");
        long unit = s.endsWith("k") ? 1 << 10 : s.endsWith("m") ? 1 << 20 : 1;
        return unit * integer(name, unit == 1 ? s : s.substring(0, s.length() - 1));
    }

    static long range(String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + ": " + v + " is not within " + min + ".." + max);
        }
        return v;
    }

    static double positive(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + ": " + v + " must be more than 0");
        }
        return v;
    }

    /** At least 0 and less than 1. */
    static double fraction(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + ": " + v + " must be at least 0 and less than 1");
        }
        return v;
    }

    /** What the agent sends: {@code none}, {@code zstd} or {@code gzip}. */
    static String compressionKind(String name, String v) {
        return oneOf(name, v, COMPRESSIONS);
    }

    static String oneOf(String name, String v, Set<String> allowed) {
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not one of " + allowed);
        }
        return v;
    }
}
