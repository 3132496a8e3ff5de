package org.synapseworkbench.volume.zarr;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.synapseworkbench.work.UserException;

/** A Zarr store's folder: the arrays in it. */
public final class ZarrStore {
    private ZarrStore() {
    }

    /** Whether a folder is a Zarr store, group or array (it has .zgroup, .zarray or .zattrs). */
    public static boolean isZarr(Path folder) {
        return Files.exists(folder.resolve(".zarray")) || Files.exists(folder.resolve(".zgroup"))
                || Files.exists(folder.resolve(".zattrs"));
    }

    /**
     * The paths of the arrays in a store, relative to it with '/' (the store itself, when it is an array, as ""),
     * depth first in name order; the chunks of an array are not looked into.
     */
    public static List<String> arrays(Path store) {
        if (!Files.isDirectory(store)) {
            throw new UserException("'" + store + "' does not exist or is not a folder; check the path of the Zarr store.");
        }
        List<String> out = new ArrayList<>();
        collect(store, "", out);
        return out;
    }

    private static void collect(Path folder, String prefix, List<String> out) {
        if (Files.exists(folder.resolve(".zarray"))) {
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
            collect(c, prefix.isEmpty() ? name : prefix + "/" + name, out);
        }
    }
}
