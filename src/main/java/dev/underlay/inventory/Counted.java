package dev.underlay.inventory;

/** A count with its noun in the right number, for every message: {@code 1 site}, {@code 3 sites}, {@code 0 keys}. */
public final class Counted {
    private Counted() {
    }

    /** {@code n} and the noun, with an {@code s} added unless {@code n} is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and the singular or the plural given. */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
