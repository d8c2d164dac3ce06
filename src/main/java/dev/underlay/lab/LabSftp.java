package dev.underlay.lab;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * SFTP over a lab host's in-memory file system. Two changes to the stock subsystem: the host's file system outlives
 * the SFTP session (the stock one closes it on exit), and writes fail with "No space left on device" while the host
 * has the disk-full fault.
 */
final class LabSftp extends SftpSubsystemFactory {
    private static final String NO_SPACE = "No space left on device";

    LabSftp(Lab lab) {
        setErrorStatusDataHandler(new SftpErrorStatusDataHandler() {
            @Override
            public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus,
                                              int cmd, Object... args) {
                // the stock text is "General failure"; the client should read what a full disk says
                if (e instanceof FileSystemException f && NO_SPACE.equals(f.getReason())) {
                    return f.getFile() + ": " + NO_SPACE;
                }
                return SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, e, subStatus, cmd, args);
            }
        });
        setFileSystemAccessor(new SftpFileSystemAccessor() {
            @Override
            public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file,
                                                String handleId, Set<? extends OpenOption> options,
                                                FileAttribute<?>... attrs) throws IOException {
                boolean writing = options.contains(StandardOpenOption.WRITE)
                        || options.contains(StandardOpenOption.APPEND);
                if (writing && lab.hostOf(subsystem.getServerSession()).diskFull()) {
                    throw new FileSystemException(file.toString(), null, NO_SPACE);
                }
                return SftpFileSystemAccessor.super.openFile(subsystem, handle, file, handleId, options, attrs);
            }

            @Override
            public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
                if (lab.hostOf(subsystem.getServerSession()).diskFull()) {
                    throw new FileSystemException(path.toString(), null, NO_SPACE);
                }
                SftpFileSystemAccessor.super.createDirectory(subsystem, path);
            }
        });
    }

    @Override
    public Command createSubsystem(ChannelSession channel) throws IOException {
        SftpSubsystem subsystem = new SftpSubsystem(channel, this) {
            @Override
            public void destroy(ChannelSession c) {
                // the stock destroy closes the session's file system; the host's files must survive the session,
                // so hand it the default one, whose close() is refused and ignored
                fileSystem = FileSystems.getDefault();
                super.destroy(c);
            }
        };
        getRegisteredListeners().forEach(subsystem::addSftpEventListener);
        return subsystem;
    }
}
