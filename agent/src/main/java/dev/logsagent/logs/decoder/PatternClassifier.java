package dev.logsagent.logs.decoder;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.nio.charset.StandardCharsets;

/**
 * A {@code multi_line} rule: a line that matches the pattern at its start begins a message, every other line
 * belongs to the message before it. ASCII lines are matched through a reused view, without building a String.
 */
final class PatternClassifier implements LineClassifier {
    private final Matcher matcher;
    private final AsciiView ascii = new AsciiView();

    PatternClassifier(Pattern pattern) {
        this.matcher = pattern.matcher("");
    }

    @Override
    public Label classify(byte[] b, int off, int len) {
        CharSequence text = ByteScan.isAscii(b, off, len)
                ? ascii.wrap(b, off, len)
                : new String(b, off, len, StandardCharsets.UTF_8);
        return matcher.reset(text).lookingAt() ? Label.START_GROUP : Label.CONTINUE_GROUP;
    }

    @Override
    public boolean continuationOpensGroup() {
        return true;
    }

    /** ASCII bytes seen as chars. */
    private static final class AsciiView implements CharSequence {
        private byte[] b;
        private int off;
        private int len;

        AsciiView wrap(byte[] bytes, int offset, int length) {
            b = bytes;
            off = offset;
            len = length;
            return this;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return (char) b[off + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, off + start, end - start, StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return new String(b, off, len, StandardCharsets.US_ASCII);
        }
    }
}
