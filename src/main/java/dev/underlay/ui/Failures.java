package dev.underlay.ui;

/** Turns a failure into the one sentence a technician sees; never a stack trace. */
public final class Failures {
    private Failures() {
    }

    /** The exception's own message (the first non-empty one along the causes), else its kind. */
    public static String describe(Throwable e) {
        Throwable t = e;
        int depth = 0;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank()) && depth++ < 10) {
            t = t.getCause();
        }
        if (t instanceof java.nio.file.NoSuchFileException f) {
            return "file not found: " + f.getFile(); // the JDK's message is the bare path
        }
        if (t instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
