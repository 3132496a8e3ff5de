package org.synapseworkbench.volume;

import java.util.Arrays;
import java.util.Locale;

import org.synapseworkbench.work.UserException;

/**
 * Asked before work that holds whole volumes in memory starts: does it fit in one Java array and in the memory this
 * process may use? A volume that declares a huge shape (a mostly unwritten HDF5 dataset, say) is then refused with a
 * sentence instead of running for minutes into an OutOfMemoryError.
 */
public final class MemoryBudget {
    /** The most elements one Java array holds. */
    public static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

    private MemoryBudget() {
    }

    /** Bytes this process may still allocate on the Java heap. */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Throws when {@code work} on volume {@code v} cannot be done in memory.
     *
     * @param work what holds the volume, e.g. "evaluate holds the prediction and the truth in memory"
     * @param bytesPerVoxel what the work keeps per voxel of the volume's z, y, x extent (all channels included)
     * @param wayOut what the user can do instead, ending the sentence
     */
    public static void require(String work, Volume v, double bytesPerVoxel, String wayOut) {
        require(work, v.name(), v.shape(), bytesPerVoxel, available(), wayOut);
    }

    /**
     * {@link #require} for work that reads volume {@code v} whole and keeps {@code extraPerVoxel} more bytes per voxel
     * of its z, y, x extent (labels, masks, distances).
     */
    public static void requireWhole(String work, Volume v, double extraPerVoxel, String wayOut) {
        int[] s = v.shape();
        double channels = s.length == 4 ? s[0] : 1;
        require(work, v, channels * v.type().bytes() + extraPerVoxel, wayOut);
    }

    static void require(String work, String name, int[] shape, double bytesPerVoxel, long available, String wayOut) {
        int r = shape.length;
        long voxels = (long) shape[r - 3] * shape[r - 2] * shape[r - 1];
        long channels = r == 4 ? shape[0] : 1;
        String what = name + " (" + Arrays.toString(shape) + ", " + String.format(Locale.ROOT, "%,d", voxels) + " voxels)";
        if (voxels * channels > ARRAY_LIMIT) {
            throw new UserException(work + ", but " + what + " is larger than one piece can be ("
                    + String.format(Locale.ROOT, "%,d", ARRAY_LIMIT) + " values); " + wayOut);
        }
        double need = voxels * bytesPerVoxel;
        if (need > available) {
            throw new UserException(work + ": " + what + " needs about " + bytes(need) + ", but this Java process may use "
                    + bytes(available) + " more; " + wayOut);
        }
    }

    /** A byte count for people: "3.2 GB". */
    public static String bytes(double b) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
    }
}
