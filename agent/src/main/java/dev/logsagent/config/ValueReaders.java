package dev.logsagent.config;

import tools.jackson.databind.JsonNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The readers of plain values. They are lenient where the Datadog Agent is (a number written as a string, a
 * boolean written {@code yes}), because environment variables always arrive as strings.
 */
final class ValueReaders {
    /** {@code DD_TAGS="a:b c:d"} and {@code tags: "a:b c:d"}, as the Datadog Agent splits them. */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** {@code tags: "a:b, c:d"} of a log source. */
    static final Pattern COMMA = Pattern.compile(",");

    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false, "yes", true, "no", false,
            "on", true, "off", false, "1", true, "0", false);

    private ValueReaders() {
    }

    /** Any scalar, as text. */
    static ValueReader<String> string() {
        return node -> {
            JsonNode value = node.value();
            if (value.isContainer()) {
                node.error("expected a string, got " + node.describe());
                return null;
            }
            return value.isString() ? value.stringValue() : value.asString();
        };
    }

    static ValueReader<Boolean> bool() {
        return node -> {
            JsonNode value = node.value();
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            Boolean parsed = value.isValueNode() ? BOOLEANS.get(value.asString().toLowerCase(Locale.ROOT)) : null;
            if (parsed == null) {
                node.error("expected true or false, got " + node.describe());
            }
            return parsed;
        };
    }

    static ValueReader<Integer> integer(int min, int max) {
        NumberRange range = NumberRange.between(min, max);
        return node -> {
            Double number = number(node, "a whole number");
            if (number == null) {
                return null;
            }
            if (number != Math.rint(number)) {
                node.error("expected a whole number, got " + node.describe());
                return null;
            }
            return inRange(node, number, range, "") ? number.intValue() : null;
        };
    }

    static ValueReader<Double> decimal(NumberRange range) {
        return node -> {
            Double number = number(node, "a number");
            return number != null && inRange(node, number, range, "") ? number : null;
        };
    }

    /** A number of {@code unit}s, fractions allowed ({@code batch_wait: 0.5}). */
    static ValueReader<Duration> duration(ChronoUnit unit, NumberRange range) {
        String unitName = unit.toString().toLowerCase(Locale.ROOT);
        return node -> {
            Double number = number(node, "a number of " + unitName);
            if (number == null || !inRange(node, number, range, " (" + unitName + ")")) {
                return null;
            }
            return Duration.ofNanos(Math.round(number * unit.getDuration().toNanos()));
        };
    }

    /** One of the enum's configured names ({@code key()}), ignoring case. */
    static <E extends Enum<E>> ValueReader<E> oneOf(E[] values, Function<E, String> key) {
        Map<String, E> byKey = Arrays.stream(values)
                .collect(Collectors.toMap(v -> key.apply(v).toLowerCase(Locale.ROOT), v -> v));
        String allowed = Arrays.stream(values).map(key).collect(Collectors.joining(", "));
        ValueReader<String> text = string();
        return node -> {
            String name = text.read(node);
            if (name == null) {
                return null;
            }
            E value = byKey.get(name.toLowerCase(Locale.ROOT));
            if (value == null) {
                node.error("unknown value " + node.describe() + "; expected one of " + allowed);
            }
            return value;
        };
    }

    /** A path as written; relative ones are resolved by the caller, which knows against what. */
    static ValueReader<Path> path() {
        ValueReader<String> text = string();
        return node -> {
            String name = text.read(node);
            if (name == null) {
                return null;
            }
            try {
                return Path.of(name);
            } catch (InvalidPathException e) {
                node.error("not a valid path: " + e.getReason());
                return null;
            }
        };
    }

    /** {@code host:port}, such as {@code logs_dd_url}. */
    static ValueReader<String> hostPort() {
        ValueReader<String> text = string();
        return node -> {
            String value = text.read(node);
            if (value == null) {
                return null;
            }
            int colon = value.lastIndexOf(':');
            String port = colon < 0 ? "" : value.substring(colon + 1);
            if (colon <= 0 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1
                    || Integer.parseInt(port) > 65535 || value.contains("/")) {
                node.error("expected host:port (port 1-65535), got " + node.describe());
                return null;
            }
            return value;
        };
    }

    /** A list of scalars, or one string cut by {@code separator}. */
    static ValueReader<List<String>> stringList(Pattern separator) {
        ValueReader<String> text = string();
        return node -> {
            if (node.value().isString()) {
                return Arrays.stream(separator.split(node.value().stringValue()))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
            }
            if (!node.expectList()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            boolean valid = true;
            for (ConfigNode element : node.elements()) {
                if (element.isAbsent()) {
                    element.error("expected a string, got an empty entry");
                }
                String value = element.isAbsent() ? null : text.read(element);
                if (value == null) {
                    valid = false;
                    continue;
                }
                values.add(value);
            }
            return valid ? List.copyOf(values) : null;
        };
    }

    /** A mapping of names to scalars, such as extra client properties; every value is taken as text. */
    static ValueReader<Map<String, String>> stringMap() {
        ValueReader<String> text = string();
        return node -> {
            if (!node.expectMapping()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean valid = true;
            for (String name : node.fieldNames()) {
                ConfigNode value = node.field(name);
                String read = value.isAbsent() ? null : text.read(value);
                if (read == null) {
                    if (value.isAbsent()) {
                        value.error("expected a value, got nothing");
                    }
                    valid = false;
                    continue;
                }
                values.put(name, read);
            }
            return valid ? Collections.unmodifiableMap(values) : null;
        };
    }

    private static Double number(ConfigNode node, String expected) {
        JsonNode value = node.value();
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isString()) {
            try {
                double parsed = Double.parseDouble(value.stringValue().trim());
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below, with the value as written
            }
        }
        node.error("expected " + expected + ", got " + node.describe());
        return null;
    }

    private static boolean inRange(ConfigNode node, double value, NumberRange range, String unit) {
        if (range.contains(value)) {
            return true;
        }
        node.error(range.describe() + unit + ", got " + node.describe());
        return false;
    }
}
