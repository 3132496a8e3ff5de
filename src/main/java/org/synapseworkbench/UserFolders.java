package org.synapseworkbench;

import java.nio.file.Path;

/**
 * Where the program keeps a user's own files: {@code ~/.synapse-workbench/} (workspace, review journals, the engine's
 * unpacked native libraries). Never the install folder, which may be read-only and is shared by every user.
 */
public final class UserFolders {
    private UserFolders() {
    }

    /** {@code ~/.synapse-workbench}. */
    public static Path data() {
        return Path.of(System.getProperty("user.home"), ".synapse-workbench");
    }

    /** Where DJL unpacks libtorch (about 450 MB, once per user and version): {@code ~/.synapse-workbench/djl}. */
    public static Path engineCache() {
        return data().resolve("djl");
    }
}
