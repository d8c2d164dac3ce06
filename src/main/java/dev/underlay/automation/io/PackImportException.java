package dev.underlay.automation.io;

import java.util.List;

/** A content pack refused as a whole: every problem as {@code file:line: field: message}, in line order. */
public final class PackImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public PackImportException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
