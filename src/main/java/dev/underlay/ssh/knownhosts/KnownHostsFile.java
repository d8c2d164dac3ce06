package dev.underlay.ssh.knownhosts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * An OpenSSH known_hosts file, read for import: the key lines as {@link KnownHostsEntry}, and every line that
 * could not be read as a {@link KnownHostsProblem} (collected, not thrown: the importer decides). Comment and
 * blank lines are skipped.
 */
public final class KnownHostsFile {
    /** A line longer than this is reported instead of parsed (OpenSSH's own limit is far lower). */
    static final int MAX_LINE = 64 * 1024;

    private final String source;
    private final List<KnownHostsEntry> entries;
    private final List<KnownHostsProblem> problems;

    private KnownHostsFile(String source, List<KnownHostsEntry> entries, List<KnownHostsProblem> problems) {
        this.source = source;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads a known_hosts file (UTF-8; undecodable bytes in comments become U+FFFD).
     *
     * @throws IOException when the file itself cannot be read; the message names the file
     */
    public static KnownHostsFile parse(Path file) throws IOException {
        // InputStreamReader replaces undecodable bytes instead of failing: host names and keys are ASCII, and a
        // Latin-1 comment must not cost the whole file.
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            return parse(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException("The known_hosts file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new IOException("Cannot read the known_hosts file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads known_hosts lines from {@code reader}; {@code sourceName} names it in problems. */
    public static KnownHostsFile parse(Reader reader, String sourceName) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        KnownHostsLineParser parser = new KnownHostsLineParser(sourceName);
        List<KnownHostsEntry> entries = new ArrayList<>();
        List<KnownHostsProblem> problems = new ArrayList<>();
        int lineNumber = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            parser.parse(lineNumber, line, entries, problems);
        }
        return new KnownHostsFile(sourceName, entries, problems);
    }

    /**
     * The fingerprint of a key as {@code ssh-keygen -lf} prints it: {@code SHA256:} and the base64 (without
     * padding) of the SHA-256 of the key's SSH wire encoding.
     */
    public static String fingerprint(PublicKey key) {
        ByteArrayBuffer buf = new ByteArrayBuffer();
        buf.putRawPublicKey(key);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(buf.getCompactData());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The name given to the parser (the path for {@link #parse(Path)}). */
    public String source() {
        return source;
    }

    /** The key lines in file order. */
    public List<KnownHostsEntry> entries() {
        return entries;
    }

    /** Lines that could not be read, in file order. */
    public List<KnownHostsProblem> problems() {
        return problems;
    }

    /** The entries that apply to {@code host} on {@code port} (see {@link KnownHostsEntry#matches}). */
    public List<KnownHostsEntry> matching(String host, int port) {
        return entries.stream().filter(e -> e.matches(host, port)).toList();
    }

    @Override
    public String toString() {
        return "KnownHostsFile[" + source + ": " + entries.size() + " entries, " + problems.size() + " problems]";
    }
}
