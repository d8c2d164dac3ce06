package dev.underlay.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The text of a secrets key file: comment lines, then one key line, either
 * {@code v1:<base64 key>} or, protected by a passphrase,
 * {@code v2:pbkdf2-sha256:<iterations>:<base64 salt>:<base64 nonce>:<base64 AES-GCM(key)>}.
 * Works on byte arrays so that the caller can zero them.
 */
final class KeyFileFormat {
    static final int KEY_BYTES = 32;
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final String V1 = "v1:";
    private static final String V2 = "v2:pbkdf2-sha256:";
    private static final byte[] WRAP_AAD = "underlay secrets key wrap v2".getBytes(StandardCharsets.US_ASCII);
    private static final String HEADER = "# Underlay credential secrets key. Anyone with this file and the database can"
            + " read the stored passwords.\n# Keep it private; back it up, but not in the same place as the database.\n";

    /** Thrown for a line that is not a key line of either version. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException() {
            super(null, null, false, false);
        }
    }

    /** Thrown when the passphrase does not unwrap the key. */
    static final class WrongPassphraseException extends Exception {
        private static final long serialVersionUID = 1L;

        WrongPassphraseException() {
            super(null, null, false, false);
        }
    }

    private KeyFileFormat() {
    }

    static byte[] encodeV1(byte[] key) {
        return withHeader(V1, Base64.getEncoder().encode(key));
    }

    static byte[] encodeV2(byte[] key, char[] passphrase, int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, key, passphrase, iterations, salt, nonce);
        Base64.Encoder b64 = Base64.getEncoder();
        String line = iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(nonce) + ":"
                + b64.encodeToString(wrapped);
        return withHeader(V2, line.getBytes(StandardCharsets.US_ASCII));
    }

    /** True when the key line is a passphrase-protected one. */
    static boolean isV2(byte[] content) throws MalformedException {
        byte[] line = keyLine(content);
        try {
            return startsWith(line, V2);
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    /** The raw key of a {@code v1} line; {@code passphrase} is used (and needed) only for {@code v2}. */
    static byte[] decode(byte[] content, char[] passphrase) throws MalformedException, WrongPassphraseException {
        byte[] line = keyLine(content);
        try {
            if (startsWith(line, V1)) {
                byte[] key = Base64.getDecoder().decode(Arrays.copyOfRange(line, V1.length(), line.length));
                if (key.length != KEY_BYTES) {
                    Arrays.fill(key, (byte) 0);
                    throw new MalformedException();
                }
                return key;
            }
            if (!startsWith(line, V2) || passphrase == null) {
                throw new MalformedException();
            }
            String[] f = new String(line, V2.length(), line.length - V2.length(), StandardCharsets.US_ASCII)
                    .split(":", -1);
            if (f.length != 4) {
                throw new MalformedException();
            }
            int iterations = Integer.parseInt(f[0]);
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new MalformedException();
            }
            Base64.Decoder d = Base64.getDecoder();
            try {
                byte[] key = crypt(Cipher.DECRYPT_MODE, d.decode(f[3]), passphrase, iterations, d.decode(f[1]),
                        d.decode(f[2]));
                if (key.length != KEY_BYTES) {
                    throw new MalformedException();
                }
                return key;
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof AEADBadTagException) {
                    throw new WrongPassphraseException();
                }
                throw e;
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedException();
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private static byte[] crypt(int mode, byte[] input, char[] passphrase, int iterations, byte[] salt,
                                byte[] nonce) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        byte[] kek = null;
        try {
            kek = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(WRAP_AAD);
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
            if (kek != null) {
                Arrays.fill(kek, (byte) 0);
            }
        }
    }

    private static byte[] withHeader(String prefix, byte[] body) {
        byte[] head = (HEADER + prefix).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        out[out.length - 1] = '\n';
        Arrays.fill(body, (byte) 0);
        return out;
    }

    /** A copy of the first line that is neither blank nor a comment, without its line end. */
    private static byte[] keyLine(byte[] content) throws MalformedException {
        int i = 0;
        while (i < content.length) {
            int end = i;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int last = end;
            while (last > i && (content[last - 1] == '\r' || content[last - 1] == ' ')) {
                last--;
            }
            if (last > i && content[i] != '#') {
                return Arrays.copyOfRange(content, i, last);
            }
            i = end + 1;
        }
        throw new MalformedException();
    }

    private static boolean startsWith(byte[] line, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return line.length > p.length && Arrays.equals(line, 0, p.length, p, 0, p.length);
    }
}
