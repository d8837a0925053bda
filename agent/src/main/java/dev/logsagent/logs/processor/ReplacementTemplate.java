package dev.logsagent.logs.processor;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.logsagent.serializer.GrowableBuffer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code replace_placeholder} read the way Go's {@code regexp.Expand} (and so the Datadog Agent) reads it:
 * {@code $1} / {@code ${1}} is a numbered group, {@code $name} / {@code ${name}} a named one, {@code $$} a literal
 * {@code $}. A name runs as far as letters, digits and {@code _} go, so {@code $1x} is the group named {@code 1x}.
 * Groups that do not exist, or did not take part in the match, expand to nothing; a {@code $} not followed by a
 * name is kept as is. Parsed once; expanding copies literal bytes and matched bytes.
 */
final class ReplacementTemplate {
    /** literals[i] comes before groups[i]; the last literal ends the template. */
    private final byte[][] literals;
    private final int[] groups;

    private ReplacementTemplate(byte[][] literals, int[] groups) {
        this.literals = literals;
        this.groups = groups;
    }

    static ReplacementTemplate parse(String template, Pattern pattern) {
        List<byte[]> literals = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        ByteArrayOutputStream literal = new ByteArrayOutputStream();
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                literal.writeBytes(utf8(template.substring(i)));
                break;
            }
            literal.writeBytes(utf8(template.substring(i, dollar)));
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                literal.write('$');
                i++;
                continue;
            }
            Reference ref = Reference.at(template, i);
            if (ref == null) {
                literal.write('$');
                continue;
            }
            i = ref.end();
            int group = ref.resolve(pattern.groupCount(), pattern.namedGroups());
            if (group >= 0) {
                literals.add(literal.toByteArray());
                literal.reset();
                groups.add(group);
            }
        }
        literals.add(literal.toByteArray());
        return new ReplacementTemplate(literals.toArray(byte[][]::new),
                groups.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Appends the expansion for the matcher's current match in {@code src}. */
    void expand(Matcher matcher, byte[] src, GrowableBuffer out) {
        for (int i = 0; i < groups.length; i++) {
            out.write(literals[i], 0, literals[i].length);
            int start = matcher.start(groups[i]);
            if (start >= 0) {
                out.write(src, start, matcher.end(groups[i]) - start);
            }
        }
        byte[] last = literals[groups.length];
        out.write(last, 0, last.length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A group reference after a {@code $}: its name and where the template goes on after it. */
    private record Reference(String name, int end) {

        /** Go's {@code extract}: a non-empty name, braced or not; null when malformed. */
        static Reference at(String template, int from) {
            boolean braced = from < template.length() && template.charAt(from) == '{';
            int start = braced ? from + 1 : from;
            int i = start;
            while (i < template.length()) {
                int cp = template.codePointAt(i);
                if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                    break;
                }
                i += Character.charCount(cp);
            }
            if (i == start) {
                return null;
            }
            String name = template.substring(start, i);
            if (braced) {
                if (i >= template.length() || template.charAt(i) != '}') {
                    return null;
                }
                i++;
            }
            return new Reference(name, i);
        }

        /** The group index, or -1 when there is no such group. */
        int resolve(int groupCount, Map<String, Integer> namedGroups) {
            int number = number();
            if (number >= 0) {
                return number <= groupCount ? number : -1;
            }
            Integer named = namedGroups.get(name);
            return named != null ? named : -1;
        }

        /** The name read as a group number as Go does (ASCII digits, no leading zero), or -1. */
        private int number() {
            if (name.length() > 1 && name.charAt(0) == '0') {
                return -1;
            }
            long n = 0;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < '0' || c > '9' || n >= 100_000_000) {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            return n <= Integer.MAX_VALUE ? (int) n : -1;
        }
    }
}
