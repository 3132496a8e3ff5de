package org.synapseworkbench;

import java.nio.file.Path;

/**
 * Where the program keeps a user's own files: {@code ~/.synapse-workbench/} (workspace, review journals, the engine's
 * unpacked native libraries). Never the install folder, which may be read-only and is shared by every user; whether
 * the program runs installed is {@link #installedLauncher()}.
 */
public final class UserFolders {
    private UserFolders() {
    }

    /** {@code ~/.synapse-workbench}. */
    public static Path data() {
        return Path.of(System.getProperty("user.home"), ".synapse-workbench");
    }

    /** The system property in which jpackage's launcher names itself. */
    public static final String LAUNCHER_PROPERTY = "jpackage.app-path";

    /** The launcher of the installed program that is running, or null when it runs from a jar. */
    public static String installedLauncher() {
        return System.getProperty(LAUNCHER_PROPERTY);
    }

    /**
     * The built-in sample that the window opens and {@code demo} shows: {@code datasets/synthetic/sample.h5} under the
     * working folder in a source checkout; {@code sample/sample.h5} in {@link #data()} for an installed program, which
     * a desktop menu may start in a folder the user cannot write to.
     */
    public static Path sample() {
        return installedLauncher() != null ? data().resolve("sample").resolve("sample.h5")
                : Path.of("datasets", "synthetic", "sample.h5");
    }

    /**
     * Where DJL unpacks libtorch (about 450 MB, once per user and version) when it comes from a jar, as in a source
     * build: {@code ~/.synapse-workbench/djl}. The installed program carries it unpacked and writes nothing here.
     */
    public static Path engineCache() {
        return data().resolve("djl");
    }
}
