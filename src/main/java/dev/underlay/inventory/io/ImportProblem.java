package dev.underlay.inventory.io;

/**
 * Why an import was refused, pointing into the file.
 *
 * @param line  1-based line, or 0 when the problem is not tied to one line
 * @param field the column, key or field at fault; empty when none
 */
public record ImportProblem(String file, int line, String field, String message) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
