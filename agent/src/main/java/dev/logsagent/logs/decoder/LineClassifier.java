package dev.logsagent.logs.decoder;

/** Decides, line by line, where multi-line messages begin. */
interface LineClassifier {
    enum Label {
        /** Begins a new message. */
        START_GROUP,
        /** Belongs to the message before it. */
        CONTINUE_GROUP,
        /** Is a message of its own, never joined with anything. */
        ALONE
    }

    /** @param b a line with trailing white space trimmed, leading white space kept */
    Label classify(byte[] b, int off, int len);

    /** Whether a {@link Label#CONTINUE_GROUP} line with no message before it begins one (else it stands alone). */
    boolean continuationOpensGroup();
}
