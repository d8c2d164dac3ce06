package dev.underlay.automation.jobs;

/**
 * How many hosts a rolling wave takes: a count ({@code 10}) or a share of the target ({@code 25%}, at least one
 * host a wave).
 */
public record WaveSize(int count, double percent) {
    public WaveSize {
        if (count < 0 || (count == 0) == (percent <= 0) || percent > 100) {
            throw new IllegalArgumentException("a wave is a count of hosts (1 or more) or a share from above 0% "
                    + "to 100%");
        }
    }

    /** Parses {@code N} or {@code N%}. */
    public static WaveSize parse(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("%")) {
                return new WaveSize(0, Double.parseDouble(t.substring(0, t.length() - 1)));
            }
            return new WaveSize(Integer.parseInt(t), 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("wave size '" + text + "' is neither a count (10) nor a share (25%)");
        }
    }

    /** Hosts per wave for a target of {@code total} hosts. */
    public int hosts(int total) {
        if (count > 0) {
            return count;
        }
        return Math.max(1, (int) Math.ceil(total * percent / 100.0));
    }

    @Override
    public String toString() {
        return count > 0 ? Integer.toString(count) : (percent == Math.rint(percent)
                ? Integer.toString((int) percent) : Double.toString(percent)) + "%";
    }
}
