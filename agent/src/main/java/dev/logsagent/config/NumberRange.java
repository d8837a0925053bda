package dev.logsagent.config;

/** The accepted values of a numeric key, with the wording used when a value falls outside. */
record NumberRange(double min, boolean minInclusive, double max) {

    static NumberRange between(double min, double max) {
        return new NumberRange(min, true, max);
    }

    /** More than {@code min} (exclusive) and at most {@code max}. */
    static NumberRange above(double min, double max) {
        return new NumberRange(min, false, max);
    }

    boolean contains(double value) {
        return (minInclusive ? value >= min : value > min) && value <= max;
    }

    String describe() {
        return minInclusive
                ? "must be between " + format(min) + " and " + format(max)
                : "must be more than " + format(min) + " and at most " + format(max);
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
