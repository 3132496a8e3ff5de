package org.synapseworkbench.volume;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.synapseworkbench.work.UserException;

/** The arrays of a store kept as folders (Zarr, N5): found by walking the groups, never into an array's chunks. */
public final class StoreListing {
    private StoreListing() {
    }

    /**
     * The folders below {@code store} that {@code isArray} accepts, relative to it with '/' (the store itself as ""),
     * depth first in name order; hidden folders are skipped.
     */
    public static List<String> arrays(Path store, Predicate<Path> isArray) {
        if (!Files.isDirectory(store)) {
            throw new UserException("'" + store + "' does not exist or is not a folder; check the path of the store.");
        }
        List<String> out = new ArrayList<>();
        collect(store, "", isArray, out);
        return out;
    }

    private static void collect(Path folder, String prefix, Predicate<Path> isArray, List<String> out) {
        if (isArray.test(folder)) {
            out.add(prefix);
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, p -> Files.isDirectory(p)
                && !p.getFileName().toString().startsWith("."))) {
            s.forEach(children::add);
        } catch (IOException e) {
            throw new UserException("The folder '" + folder + "' cannot be listed (" + e.getMessage() + "); check its "
                    + "permissions.", e);
        }
        children.sort(null);
        for (Path c : children) {
            String name = c.getFileName().toString();
            collect(c, prefix.isEmpty() ? name : prefix + "/" + name, isArray, out);
        }
    }
}
