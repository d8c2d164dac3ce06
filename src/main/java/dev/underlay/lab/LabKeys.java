package dev.underlay.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The lab folder's keys. The client key pair ({@code client_ed25519} and {@code .pub}, OpenSSH format) is made on
 * first start. Host keys are not stored one by one: each is derived from a random 32-byte secret kept in
 * {@code host-keys.secret} and the host name (SHA-256), so a thousand hosts cost one small file, keys stay the same
 * across restarts, and deleting the file rotates every host key at once.
 */
public final class LabKeys {
    public static final String CLIENT_KEY = "client_ed25519";
    public static final String HOST_SECRET = "host-keys.secret";
    public static final String KNOWN_HOSTS = "known_hosts";

    private final Path folder;
    private final PublicKey clientPublic;
    private final byte[] hostSecret;

    private LabKeys(Path folder, PublicKey clientPublic, byte[] hostSecret) {
        this.folder = folder;
        this.clientPublic = clientPublic;
        this.hostSecret = hostSecret;
    }

    /** Opens the lab folder, creating it and its keys when missing. */
    public static LabKeys open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path secretFile = folder.resolve(HOST_SECRET);
        byte[] secret;
        if (Files.exists(secretFile)) {
            try {
                secret = Base64.getDecoder().decode(Files.readString(secretFile, StandardCharsets.US_ASCII).trim());
            } catch (IllegalArgumentException e) {
                throw new IOException(secretFile + " is damaged (not Base64); delete it to make new host keys", e);
            }
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            writePrivate(secretFile, (Base64.getEncoder().encodeToString(secret) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Path priv = folder.resolve(CLIENT_KEY);
        Path pub = folder.resolve(CLIENT_KEY + ".pub");
        PublicKey clientPublic;
        if (Files.exists(pub) && Files.exists(priv)) {
            String line = Files.readString(pub, StandardCharsets.US_ASCII).trim();
            try {
                clientPublic = PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, null);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException(pub + " is not an OpenSSH public key: " + e.getMessage(), e);
            }
        } else {
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            KeyPair kp = fromSeed(seed);
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "underlay-lab", null, bytes);
                writePrivate(priv, bytes.toByteArray());
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write the lab client key " + priv + ": " + e.getMessage(), e);
            }
            Files.writeString(pub, PublicKeyEntry.toString(kp.getPublic()) + " underlay-lab\n",
                    StandardCharsets.US_ASCII);
            clientPublic = kp.getPublic();
        }
        return new LabKeys(folder, clientPublic, secret);
    }

    public Path folder() {
        return folder;
    }

    public Path clientKey() {
        return folder.resolve(CLIENT_KEY);
    }

    public Path knownHosts() {
        return folder.resolve(KNOWN_HOSTS);
    }

    public PublicKey clientPublicKey() {
        return clientPublic;
    }

    /** The host's key; {@code changed} gives the other key a "host key changed" fault serves. */
    KeyPair hostKey(String hostName, boolean changed) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(hostSecret);
            d.update((changed ? "changed:" : "host:").getBytes(StandardCharsets.UTF_8));
            d.update(hostName.getBytes(StandardCharsets.UTF_8));
            return fromSeed(d.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The known_hosts line for a host: {@code [127.0.0.1]:22001 ssh-ed25519 AAAA...}. */
    public String knownHostsLine(LabHost host) {
        return knownHostsLine(host, hostKey(host.name(), false).getPublic());
    }

    /** The known_hosts line for a host whose key is already at hand. */
    static String knownHostsLine(LabHost host, PublicKey key) {
        return "[127.0.0.1]:" + host.port() + " " + PublicKeyEntry.toString(key);
    }

    /** Writes known_hosts lines (replacing the file atomically) so a client can pre-trust the hosts. */
    Path writeKnownHosts(List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder("# Host keys of the Underlay simulated lab; rewritten at every start\n");
        for (String line : lines) {
            b.append(line).append('\n');
        }
        Path tmp = folder.resolve(KNOWN_HOSTS + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.US_ASCII);
        return Files.move(tmp, knownHosts(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An Ed25519 key pair from a 32-byte seed, in the key classes of sshd's Ed25519 provider. */
    private static KeyPair fromSeed(byte[] seed) {
        try {
            PrivateKey priv = SecurityUtils.generateEDDSAPrivateKey(KeyPairProvider.SSH_ED25519, seed);
            return new KeyPair(SecurityUtils.recoverEDDSAPublicKey(priv), priv);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("no Ed25519 provider for sshd (Bouncy Castle is on the class path)", e);
        }
    }

    /** Writes a secret readable by the owner only (where the file system has POSIX permissions). */
    private static void writePrivate(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(content);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
