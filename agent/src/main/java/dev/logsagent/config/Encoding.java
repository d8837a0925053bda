package dev.logsagent.config;

/** {@code encoding} of a file source; everything is turned into UTF-8 by the decoder. */
public enum Encoding {
    UTF_8("utf-8"), UTF_16_LE("utf-16-le"), UTF_16_BE("utf-16-be"), SHIFT_JIS("shift-jis");

    private final String key;

    Encoding(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
