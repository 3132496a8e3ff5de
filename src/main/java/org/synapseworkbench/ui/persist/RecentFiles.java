package org.synapseworkbench.ui.persist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The files last opened as images, newest first, kept in the user's preferences across runs. Files that no longer
 * exist are left out of the list.
 */
public final class RecentFiles {
    static final int MAX = 10;
    private static final String KEY = "recent-images";
    private static final String SEPARATOR = "\n";

    private RecentFiles() {
    }

    private static Preferences node() {
        return Preferences.userNodeForPackage(RecentFiles.class);
    }

    /** Existing files, newest first. */
    public static List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String line : node().get(KEY, "").split(SEPARATOR)) {
            if (!line.isBlank() && Files.exists(Path.of(line))) {
                out.add(Path.of(line));
            }
        }
        return out;
    }

    /** Puts a file first (once). */
    public static void add(Path file) {
        Path f = file.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>(list());
        all.remove(f);
        all.add(0, f);
        List<String> lines = all.subList(0, Math.min(MAX, all.size())).stream().map(Path::toString).toList();
        Preferences p = node();
        p.put(KEY, String.join(SEPARATOR, lines));
        try {
            p.flush();
        } catch (BackingStoreException e) {
            // the list stays for this run; it is a convenience, not data
        }
    }
}
