package dev.underlay.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders and files only their owner may use: POSIX 700 and 600, or, on file systems with ACLs instead (Windows),
 * one entry for the owner. For the data folder, its database and the secrets keys.
 */
public final class OwnerOnly {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} and any missing parents, each one it creates owner-only; an existing dir is left alone. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new java.nio.file.FileAlreadyExistsException(dir + " (a file, not a folder)");
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            if (posix(p.getParent())) {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectory(p);
            }
            restrict(p, true);
        }
    }

    /**
     * Takes group's and others' permissions away from {@code path} (700 for a folder, 600 for a file); logs what
     * it changed. Best effort: a file system that refuses gets a warning, never an error.
     */
    public static void restrict(Path path, boolean dir) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> now = view.readAttributes().permissions();
                Set<PosixFilePermission> want = EnumSet.copyOf(dir ? DIR : FILE);
                if (!now.equals(want)) {
                    view.setPermissions(want);
                    LOG.info("Made {} private to its owner (was {})", path, PosixFilePermissions.toString(now));
                }
                return;
            }
            AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
            if (acl != null) {
                acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                        .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.warn("Cannot make {} private to its owner: {}", path, e.toString());
        }
    }

    private static boolean posix(Path existing) throws IOException {
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
