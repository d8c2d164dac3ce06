package dev.underlay.ssh;

import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** Fingerprints and OpenSSH text of public keys, the way OpenSSH prints them. */
public final class HostKeys {
    private HostKeys() {
    }

    /** "SHA256:base64" of the key. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    /** "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ... */
    public static String type(PublicKey key) {
        return KeyUtils.getKeyType(key);
    }

    /** "type base64" as in known_hosts and authorized_keys. */
    public static String openSsh(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** Parses "type base64 [comment]". */
    public static PublicKey parse(String openSshText) {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(openSshText).resolvePublicKey(null, null, null);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an OpenSSH public key: " + e.getMessage(), e);
        }
    }
}
