package dev.underlay.db;

import java.nio.file.Path;

/** Another running Underlay (console or CLI) holds the data folder. */
public class DataFolderInUseException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public DataFolderInUseException(Path folder) {
        super("The data folder " + folder + " is in use by another running Underlay (console or CLI). "
                + "Close that one first, or choose another folder with --data.", null);
    }
}
