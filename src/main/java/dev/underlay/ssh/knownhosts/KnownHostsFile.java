package dev.underlay.ssh.knownhosts;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
     * Reads a known_hosts file. Each line is decoded as strict UTF-8: a key line that is not valid UTF-8 is a
     * problem (nothing on it is read), a comment line is skipped whatever its bytes.
     *
     * @throws IOException when the file itself cannot be read; the message names the file
     */
    public static KnownHostsFile parse(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException("The known_hosts file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new IOException("Cannot read the known_hosts file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads known_hosts bytes from {@code in} (strict UTF-8, as {@link #parse(Path)}); {@code sourceName} names it. */
    public static KnownHostsFile parse(InputStream in, String sourceName) throws IOException {
        KnownHostsLineParser parser = new KnownHostsLineParser(sourceName);
        List<KnownHostsEntry> entries = new ArrayList<>();
        List<KnownHostsProblem> problems = new ArrayList<>();
        StrictLines lines = new StrictLines(in, MAX_LINE);
        int lineNumber = 0;
        for (StrictLines.Line line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            if (line.problem() != null) {
                problems.add(new KnownHostsProblem(sourceName, lineNumber, line.problem()));
                continue;
            }
            parser.parse(lineNumber, lineNumber == 1 ? withoutBom(line.text()) : line.text(), entries, problems);
        }
        return new KnownHostsFile(sourceName, entries, problems);
    }

    /** Reads known_hosts lines from {@code reader} (already decoded); {@code sourceName} names it in problems. */
    public static KnownHostsFile parse(Reader reader, String sourceName) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        KnownHostsLineParser parser = new KnownHostsLineParser(sourceName);
        List<KnownHostsEntry> entries = new ArrayList<>();
        List<KnownHostsProblem> problems = new ArrayList<>();
        int lineNumber = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNumber++;
            parser.parse(lineNumber, lineNumber == 1 ? withoutBom(line) : line, entries, problems);
        }
        return new KnownHostsFile(sourceName, entries, problems);
    }

    private static String withoutBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
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
