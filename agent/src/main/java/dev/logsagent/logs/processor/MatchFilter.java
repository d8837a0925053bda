package dev.logsagent.logs.processor;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.logsagent.logs.message.Message;

/** {@code exclude_at_match} (drop what matches) or {@code include_at_match} (drop what does not). */
final class MatchFilter implements ProcessingRule {
    private final Matcher matcher;
    private final boolean keepOnMatch;

    MatchFilter(Pattern pattern, boolean keepOnMatch) {
        this.matcher = pattern.matcher(new byte[0]);
        this.keepOnMatch = keepOnMatch;
    }

    @Override
    public boolean apply(Message m) {
        return matcher.reset(m.content()).find() == keepOnMatch;
    }

    @Override
    public String toString() {
        return (keepOnMatch ? "include_at_match " : "exclude_at_match ") + matcher.pattern();
    }
}
