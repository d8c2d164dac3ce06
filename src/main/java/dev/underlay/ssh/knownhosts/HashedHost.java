package dev.underlay.ssh.knownhosts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A host name hashed by OpenSSH ({@code HashKnownHosts yes}, {@code ssh-keygen -H}): written
 * {@code |1|base64(salt)|base64(HMAC-SHA1(key = salt, data = host string))}, where the host string is
 * {@code host} for port 22 and {@code [host]:port} otherwise.
 */
public record HashedHost(byte[] salt, byte[] hash) {
    /** Length in bytes of both the salt and the HMAC-SHA1 value. */
    public static final int SHA1_BYTES = 20;
    static final String MAGIC = "|1|";

    public HashedHost {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        salt = salt.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** True when {@code hostString} (already in {@code host} or {@code [host]:port} form) hashes to this value. */
    public boolean matches(String hostString) {
        return MessageDigest.isEqual(hash, hmac(salt, hostString));
    }

    /** Hashes a host string with the given salt, as {@code ssh-keygen -H} does. */
    public static HashedHost of(byte[] salt, String hostString) {
        return new HashedHost(salt, hmac(salt, hostString));
    }

    private static byte[] hmac(byte[] salt, String hostString) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(hostString.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashedHost h && Arrays.equals(salt, h.salt) && Arrays.equals(hash, h.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    /** As written in a known_hosts file. */
    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return MAGIC + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
    }
}
