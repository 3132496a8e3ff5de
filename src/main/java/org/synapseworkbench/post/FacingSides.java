package org.synapseworkbench.post;

/**
 * Mends the pre voxels that lie behind the post side: a synapse's pre side faces its post side across the cleft, so a
 * pre voxel behind the post side (seen from the pre side) is a model's mistake. Models of this workbench paint pre
 * around the far edge of a post side they draw too narrow; such voxels next to the post side become post (its far
 * rim), the others background. On the validation volumes this lifted pre F1 by about a tenth and post F1 by .03 to .07
 * (docs/benchmarks.md, "Pre faces post").
 * <p>
 * Section by section (the rule looks only within a section): for a pre voxel x whose nearest post voxel q lies within
 * {@link #REACH} voxels, the side's direction at q is d = (centroid of the pre voxels) - (centroid of the post voxels)
 * in the box of {@link #WINDOW} voxels each way around q; x lies behind the post side when (x - q) . d &lt; 0, and then
 * becomes post if q is within {@link #RIM} voxels, else background. Pre voxels farther from any post voxel are kept.
 * Every decision rests on the masks as they were, within {@link #HALO} in y and x, so block-wise post-processing reads
 * that much more around a block and decides as on the whole volume.
 */
public final class FacingSides {
    /** How near (voxels, in the section) a post voxel must be for the rule to judge a pre voxel. */
    public static final int REACH = 16;
    /** Half the box (voxels) whose pre and post voxels give the direction from the post side to the pre side. */
    public static final int WINDOW = 32;
    /** Pre voxels behind the post side this near to it (voxels) become post; the rest behind it, background. */
    public static final int RIM = 3;
    /** The reach in y and x of a decision. */
    public static final int HALO = REACH + WINDOW;

    private FacingSides() {
    }

    /**
     * Takes the pre voxels lying behind the post side out of {@code pre}, into {@code post} within {@link #RIM} of it,
     * else out of {@code union} too (masks of (z, y, x) {@code shape}); returns how many pre voxels it took.
     */
    public static long mend(boolean[] pre, boolean[] post, boolean[] union, int[] shape) {
        int ny = shape[1];
        int nx = shape[2];
        int plane = ny * nx;
        Plane work = new Plane(ny, nx);
        long taken = 0;
        for (int z = 0; z < shape[0]; z++) {
            int base = z * plane;
            if (!any(pre, base, plane) || !any(post, base, plane)) {
                continue;
            }
            work.load(pre, post, base);
            for (int i = 0; i < plane; i++) {
                if (pre[base + i] && work.behind(i)) {
                    pre[base + i] = false;
                    if (work.nearestSq[i] <= (long) RIM * RIM) {
                        post[base + i] = true;
                    } else {
                        union[base + i] = false;
                    }
                    taken++;
                }
            }
        }
        return taken;
    }

    /** Per voxel of one (y, x) section the squared distance to its nearest post voxel (a huge value when none). */
    static long[] squaredDistances(boolean[] post, int ny, int nx) {
        Plane p = new Plane(ny, nx);
        p.nearestPost(post, 0);
        long[] out = new long[ny * nx];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.nearest[i] < 0 ? Long.MAX_VALUE : p.nearestSq[i];
        }
        return out;
    }

    private static boolean any(boolean[] m, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (m[i]) {
                return true;
            }
        }
        return false;
    }

    /** One section: the nearest post voxel of every voxel, and box sums of the pre and post voxels and coordinates. */
    private static final class Plane {
        private final int ny;
        private final int nx;
        /** Per voxel the index of its nearest post voxel (-1: none in the section). */
        private final int[] nearest;
        private final long[] nearestSq;
        /** Summed-area tables, (ny + 1) x (nx + 1): counts, sums of y and sums of x of pre and of post voxels. */
        private final long[][] tables = new long[6][];
        private final int[] rowFeature;
        private final long[] rowDistSq;

        Plane(int ny, int nx) {
            this.ny = ny;
            this.nx = nx;
            nearest = new int[ny * nx];
            nearestSq = new long[ny * nx];
            rowFeature = new int[ny * nx];
            rowDistSq = new long[ny * nx];
            for (int t = 0; t < 6; t++) {
                tables[t] = new long[(ny + 1) * (nx + 1)];
            }
        }

        void load(boolean[] pre, boolean[] post, int base) {
            nearestPost(post, base);
            int w = nx + 1;
            for (int y = 0; y < ny; y++) {
                long[] run = new long[6];
                for (int x = 0; x < nx; x++) {
                    int i = base + y * nx + x;
                    if (pre[i]) {
                        run[0]++;
                        run[1] += y;
                        run[2] += x;
                    }
                    if (post[i]) {
                        run[3]++;
                        run[4] += y;
                        run[5] += x;
                    }
                    int at = (y + 1) * w + x + 1;
                    for (int t = 0; t < 6; t++) {
                        tables[t][at] = tables[t][at - w] + run[t];
                    }
                }
            }
        }

        /**
         * Whether the pre voxel at {@code i} (in the section) lies behind its nearest post voxel, by the masks as
         * {@link #load} found them.
         */
        boolean behind(int i) {
            int q = nearest[i];
            if (q < 0 || nearestSq[i] > (long) REACH * REACH) {
                return false;
            }
            int qy = q / nx;
            int qx = q % nx;
            int y0 = Math.max(0, qy - WINDOW);
            int y1 = Math.min(ny, qy + WINDOW + 1);
            int x0 = Math.max(0, qx - WINDOW);
            int x1 = Math.min(nx, qx + WINDOW + 1);
            long nPre = box(0, y0, y1, x0, x1);
            long nPost = box(3, y0, y1, x0, x1);
            if (nPre == 0) {
                return false;
            }
            double dy = (double) box(1, y0, y1, x0, x1) / nPre - (double) box(4, y0, y1, x0, x1) / nPost;
            double dx = (double) box(2, y0, y1, x0, x1) / nPre - (double) box(5, y0, y1, x0, x1) / nPost;
            return (i / nx - qy) * dy + (i % nx - qx) * dx < 0;
        }

        private long box(int t, int y0, int y1, int x0, int x1) {
            int w = nx + 1;
            long[] s = tables[t];
            return s[y1 * w + x1] - s[y0 * w + x1] - s[y1 * w + x0] + s[y0 * w + x0];
        }

        /**
         * The exact Euclidean feature transform of the post voxels (Felzenszwalb and Huttenlocher's lower envelope of
         * parabolas, column by column over the nearest post voxel in each row).
         */
        private void nearestPost(boolean[] post, int base) {
            long inf = Long.MAX_VALUE / 4;
            for (int y = 0; y < ny; y++) {
                int row = y * nx;
                int last = -1;
                for (int x = 0; x < nx; x++) {
                    if (post[base + row + x]) {
                        last = x;
                    }
                    rowFeature[row + x] = last;
                }
                int next = -1;
                for (int x = nx - 1; x >= 0; x--) {
                    if (post[base + row + x]) {
                        next = x;
                    }
                    int left = rowFeature[row + x];
                    int pick = left < 0 ? next : next < 0 ? left : x - left <= next - x ? left : next;
                    rowFeature[row + x] = pick;
                    rowDistSq[row + x] = pick < 0 ? inf : (long) (x - pick) * (x - pick);
                }
            }
            int[] v = new int[ny];
            double[] zb = new double[ny + 1];
            for (int x = 0; x < nx; x++) {
                int k = -1;
                for (int y = 0; y < ny; y++) {
                    long f = rowDistSq[y * nx + x];
                    if (f >= inf) {
                        continue;
                    }
                    double s = Double.NEGATIVE_INFINITY;
                    while (k >= 0) {
                        int u = v[k];
                        s = ((f + (long) y * y) - (rowDistSq[u * nx + x] + (long) u * u)) / (2.0 * (y - u));
                        if (s <= zb[k]) {
                            k--;
                        } else {
                            break;
                        }
                    }
                    k++;
                    v[k] = y;
                    zb[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
                    zb[k + 1] = Double.POSITIVE_INFINITY;
                }
                if (k < 0) {
                    for (int y = 0; y < ny; y++) {
                        nearest[y * nx + x] = -1;
                    }
                    continue;
                }
                int j = 0;
                for (int y = 0; y < ny; y++) {
                    while (zb[j + 1] < y) {
                        j++;
                    }
                    int u = v[j];
                    int fx = rowFeature[u * nx + x];
                    nearest[y * nx + x] = u * nx + fx;
                    nearestSq[y * nx + x] = (long) (y - u) * (y - u) + (long) (x - fx) * (x - fx);
                }
            }
        }
    }
}
