package dev.underlay.ssh;

/**
 * A failure with its kind and a sentence for the technician, carried through futures. No stack trace: it is
 * created for expected conditions (refused, timed out, ...) on hot paths, and the sentence says everything.
 */
final class SshFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final FailureKind kind;

    SshFailure(FailureKind kind, String sentence) {
        super(sentence, null, false, false);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }

    /** The SshFailure inside a CompletionException chain, or an INTERNAL one describing the throwable. */
    static SshFailure of(Throwable t, String who) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SshFailure f) {
                return f;
            }
        }
        return new SshFailure(FailureKind.INTERNAL, who + ": unexpected error: " + t);
    }
}
