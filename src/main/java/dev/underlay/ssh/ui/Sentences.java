package dev.underlay.ssh.ui;

/** Shortens SSH sentences for table cells whose row already names the host. */
final class Sentences {
    private Sentences() {
    }

    /**
     * "fra1-db03 (root@[127.0.0.1]:22018): connection refused ..." becomes "connection refused ..." when the
     * sentence starts with the host's name; anything else is returned as is.
     */
    static String withoutTarget(String host, String sentence) {
        if (sentence == null || !sentence.startsWith(host)) {
            return sentence == null ? "" : sentence;
        }
        String rest = sentence.substring(host.length());
        if (rest.startsWith(": ")) {
            return rest.substring(2);
        }
        int end = rest.startsWith(" (") ? rest.indexOf("): ") : -1;
        return end < 0 ? sentence : rest.substring(end + 3);
    }
}
