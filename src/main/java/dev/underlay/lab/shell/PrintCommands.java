package dev.underlay.lab.shell;

import java.util.Map;

/**
 * {@code printlines N [BYTES]}: prints {@code N} numbered lines of {@code BYTES} bytes each (newline not counted;
 * 80 by default), the output a log benchmark needs without a loop in the script. Each line names the host and its
 * number ({@code web01 line 000042 ...}) and is padded with printable ASCII, so every byte is one character.
 * At most 10,000,000 lines and 64 MiB a call, so a typo cannot exhaust the lab's heap.
 */
final class PrintCommands {
    static final int DEFAULT_BYTES = 80;
    static final long MAX_LINES = 10_000_000L;
    static final long MAX_TOTAL = 64L << 20;
    private static final String FILLER = " the quick brown fox jumps over the lazy dog 0123456789";

    private PrintCommands() {
    }

    static void register(Map<String, Commands.Command> t) {
        t.put("printlines", PrintCommands::printlines);
    }

    private static int printlines(Invocation inv) {
        if (inv.argc() < 1 || inv.argc() > 2) {
            return inv.fail(2, "usage: printlines N [BYTES]");
        }
        long n;
        int bytes;
        try {
            n = Long.parseLong(inv.arg(1));
            bytes = inv.argc() == 2 ? Integer.parseInt(inv.arg(2)) : DEFAULT_BYTES;
        } catch (NumberFormatException e) {
            return inv.fail(2, "N and BYTES must be whole numbers");
        }
        if (n < 0 || n > MAX_LINES || bytes < 1 || n * (bytes + 1) > MAX_TOTAL) {
            return inv.fail(2, "at most " + MAX_LINES + " lines and " + MAX_TOTAL + " bytes, lines of 1 byte or more");
        }
        String head = inv.host().identity().hostname() + " line ";
        StringBuilder line = new StringBuilder(bytes + 1);
        for (long i = 1; i <= n; i++) {
            line.setLength(0);
            line.append(head).append(String.format("%06d", i));
            while (line.length() < bytes) {
                line.append(FILLER, 0, Math.min(FILLER.length(), bytes - line.length()));
            }
            line.setLength(bytes);
            inv.out.append(line).append('\n');
        }
        return 0;
    }
}
