package org.synapseworkbench.post;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * 3-d connected-component labelling of a (z, y, x) mask, 6- or 26-connected, over runs: each x line is cut into
 * runs of foreground (planes in parallel), runs that touch a run of an earlier neighbouring line are joined in a
 * union-find, and the labels are written run by run (planes in parallel). Cost grows with the voxel count for the
 * scan and with the number of runs for the joining, so sparse masks of any size label quickly.
 * Labels are 1..n in raster order of each component's first voxel, as {@code scipy.ndimage.label} numbers them.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /**
     * Labels the components of {@code mask}.
     *
     * @param connectivity 6 (faces) or 26 (faces, edges and corners)
     */
    public static Components label(boolean[] mask, int[] shape, int connectivity) {
        if (connectivity != 6 && connectivity != 26) {
            throw new IllegalArgumentException("connectivity is 6 or 26, not " + connectivity);
        }
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        if ((long) nz * ny * nx != mask.length) {
            throw new IllegalArgumentException("mask of " + mask.length + " voxels does not fit shape " + Arrays.toString(shape));
        }
        PlaneRuns[] planes = new PlaneRuns[nz];
        IntStream.range(0, nz).parallel().forEach(z -> planes[z] = PlaneRuns.of(mask, z, ny, nx));
        int[] base = new int[nz + 1];
        for (int z = 0; z < nz; z++) {
            long next = (long) base[z] + planes[z].count;
            if (next > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the mask has too many runs (over 2^31) to label in one piece");
            }
            base[z + 1] = (int) next;
        }
        UnionFind parent = new UnionFind(base[nz]);
        int touch = connectivity == 26 ? 1 : 0;
        for (int z = 0; z < nz; z++) {
            PlaneRuns here = planes[z];
            for (int y = 0; y < ny; y++) {
                if (y > 0) {
                    join(parent, here, y, base[z], here, y - 1, base[z], touch);
                }
                if (z > 0) {
                    PlaneRuns below = planes[z - 1];
                    join(parent, here, y, base[z], below, y, base[z - 1], touch);
                    if (connectivity == 26) {
                        if (y > 0) {
                            join(parent, here, y, base[z], below, y - 1, base[z - 1], touch);
                        }
                        if (y + 1 < ny) {
                            join(parent, here, y, base[z], below, y + 1, base[z - 1], touch);
                        }
                    }
                }
            }
        }
        int[] runLabel = new int[parent.size()];
        int[] rootLabel = new int[parent.size()];
        int n = 0;
        for (int r = 0; r < runLabel.length; r++) {
            int root = parent.find(r);
            if (rootLabel[root] == 0) {
                rootLabel[root] = ++n;
            }
            runLabel[r] = rootLabel[root];
        }
        long[] sizes = new long[n + 1];
        for (int z = 0; z < nz; z++) {
            PlaneRuns p = planes[z];
            for (int i = 0; i < p.count; i++) {
                sizes[runLabel[base[z] + i]] += p.end[i] - p.start[i];
            }
        }
        int[] labels = new int[mask.length];
        IntStream.range(0, nz).parallel().forEach(z -> {
            PlaneRuns p = planes[z];
            int plane = z * ny * nx;
            for (int y = 0; y < ny; y++) {
                int row = plane + y * nx;
                for (int i = p.line[y]; i < p.line[y + 1]; i++) {
                    Arrays.fill(labels, row + p.start[i], row + p.end[i], runLabel[base[z] + i]);
                }
            }
        });
        return new Components(labels, shape.clone(), n, sizes);
    }

    /**
     * Joins each run of line {@code y} in {@code a} with the runs of line {@code yb} in {@code b} that it touches
     * (overlapping x ranges; with {@code touch} 1 also diagonally adjacent ends).
     */
    private static void join(UnionFind parent, PlaneRuns a, int y, int baseA, PlaneRuns b, int yb, int baseB, int touch) {
        int i = a.line[y];
        int endI = a.line[y + 1];
        int j = b.line[yb];
        int endJ = b.line[yb + 1];
        while (i < endI && j < endJ) {
            if (a.start[i] < b.end[j] + touch && b.start[j] < a.end[i] + touch) {
                parent.union(baseA + i, baseB + j);
            }
            if (a.end[i] < b.end[j]) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** Foreground runs [start, end) of one plane, line by line: runs of line y are {@code line[y]..line[y+1]}. */
    private static final class PlaneRuns {
        int[] start = new int[16];
        int[] end = new int[16];
        int[] line;
        int count;

        static PlaneRuns of(boolean[] mask, int z, int ny, int nx) {
            PlaneRuns p = new PlaneRuns();
            p.line = new int[ny + 1];
            int plane = z * ny * nx;
            for (int y = 0; y < ny; y++) {
                p.line[y] = p.count;
                int row = plane + y * nx;
                int x = 0;
                while (x < nx) {
                    while (x < nx && !mask[row + x]) {
                        x++;
                    }
                    if (x == nx) {
                        break;
                    }
                    int s = x;
                    while (x < nx && mask[row + x]) {
                        x++;
                    }
                    p.add(s, x);
                }
            }
            p.line[ny] = p.count;
            return p;
        }

        private void add(int s, int e) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            start[count] = s;
            end[count] = e;
            count++;
        }
    }
}
