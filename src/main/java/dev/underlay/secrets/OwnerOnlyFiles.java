package dev.underlay.secrets;

import dev.underlay.db.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writing and checking files only their owner may read: POSIX 600, or an owner-only ACL on ACL file systems. */
final class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    /**
     * Writes {@code content} to a new owner-only temporary file beside {@code target}, syncs it, then renames it
     * over {@code target} atomically, so a crash leaves either the old file or the new one, never half of one.
     */
    static void writeAtomically(Path target, byte[] content, SecureRandom random) throws IOException {
        Path dir = target.getParent();
        if (Files.isDirectory(dir)) {
            OwnerOnly.restrict(dir, true); // a keys folder someone made 755 by hand
        } else {
            OwnerOnly.createDirectories(dir);
        }
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(random.nextLong() & Long.MAX_VALUE)
                + ".tmp");
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attrs)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (!posix) {
                restrictToOwner(tmp);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.debug("cannot delete temporary file {}: {}", tmp, e.toString());
                }
            }
        }
    }

    /** Logs a warning (never fails) when group or others have any permission on {@code file}. */
    static void warnIfShared(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view == null) {
                return;
            }
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            Set<PosixFilePermission> others = new HashSet<>(perms);
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                LOG.warn("The secrets key file {} is accessible to other users ({}); run: chmod 600 {}", file,
                        PosixFilePermissions.toString(perms), file);
            }
        } catch (IOException e) {
            LOG.debug("cannot read permissions of {}: {}", file, e.toString());
        }
    }

    /** Best effort on ACL file systems (Windows): one entry, the owner; inherited entries are dropped. */
    private static void restrictToOwner(Path file) {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            AclEntry owner = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(view.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
            view.setAcl(List.of(owner));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot restrict the secrets key file {} to its owner: {}", file, e.toString());
        }
    }
}
