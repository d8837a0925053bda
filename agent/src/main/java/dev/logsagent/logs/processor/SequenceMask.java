package dev.logsagent.logs.processor;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.logsagent.logs.message.Message;
import dev.logsagent.serializer.GrowableBuffer;
import dev.logsagent.serializer.Utf8;

/**
 * {@code mask_sequences}: replaces every match with the expanded placeholder, with the semantics of Go's
 * {@code Regexp.ReplaceAll}, on the UTF-8 bytes. Content without a match is left untouched (no copy).
 */
final class SequenceMask implements ProcessingRule {
    private final Matcher matcher;
    private final ReplacementTemplate replacement;
    private final GrowableBuffer scratch = new GrowableBuffer(1024);

    SequenceMask(Pattern pattern, String placeholder) {
        this.matcher = pattern.matcher(new byte[0]);
        this.replacement = ReplacementTemplate.parse(placeholder, pattern);
    }

    @Override
    public boolean apply(Message m) {
        byte[] src = m.content();
        matcher.reset(src);
        int end = src.length;
        int searchPos = 0;
        int lastMatchEnd = 0;
        boolean matched = false;
        scratch.reset();
        while (searchPos <= end && matcher.find(searchPos)) {
            matched = true;
            int matchStart = matcher.start();
            int matchEnd = matcher.end();
            scratch.write(src, lastMatchEnd, matchStart - lastMatchEnd);
            // As Go does: no replacement for an empty match right after the previous match.
            if (matchEnd > lastMatchEnd || matchStart == 0) {
                replacement.expand(matcher, src, scratch);
            }
            lastMatchEnd = matchEnd;
            // Advance past this match, by at least one whole character so an empty match never splits one.
            int width = searchPos < end ? Math.max(1, Utf8.sequenceLength(src, searchPos, end)) : 0;
            if (searchPos + width > matchEnd) {
                searchPos += width;
            } else if (searchPos + 1 > matchEnd) {
                searchPos++;
            } else {
                searchPos = matchEnd;
            }
        }
        if (matched) {
            scratch.write(src, lastMatchEnd, end - lastMatchEnd);
            m.setContent(scratch.toByteArray());
        }
        return true;
    }

    @Override
    public String toString() {
        return "mask_sequences " + matcher.pattern();
    }
}
