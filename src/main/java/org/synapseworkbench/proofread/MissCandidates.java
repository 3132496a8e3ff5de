package org.synapseworkbench.proofread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.synapseworkbench.post.UnionFind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * Places where the model may have missed a synapse: connected regions (26-connected) where the probability is at
 * least {@code low} but no voxel belongs to a predicted instance. A region that touches a detection is that
 * detection's fringe, not a miss. A region may reach {@code high}: the instances leave out pieces too small to keep
 * (PyTC's 128 voxels), and a synapse the model saw only in part, such as one cut by a missing section, is often such
 * a piece. Without instances, a voxel at {@code high} or more is taken as detected.
 * <p>
 * Ranking: by probability mass, the sum of the probabilities over the region, which is the number of synapse voxels
 * the map itself expects there, discounted near detections: within {@link #NEAR_NM} of a detection (the box of its
 * voxels and the doubt around them) a region counts in proportion to its distance. A large region of middling
 * probability and a small one just under the threshold both rank high; specks rank low; a region beside a detection is
 * mostly a piece of that synapse the cut left out and is seen when the detection is reviewed, while a synapse the model
 * missed lies, by definition, away from every detection. Ties go to the larger mass, then the higher peak. On the
 * validation volumes of {@code benchmark proofreading} (seeds 201-204, both defect settings, two demo polarity
 * models, band from 0.1) the discount brought 14 of 21 missed synapses into the first 2 x (missed) places, mass alone
 * 12; 300 to 800 nm did as well.
 * <p>
 * The volume is read one section at a time (the next one read and classified on a second thread while this one is
 * scanned) in runs along x, joined by {@link UnionFind} as {@code post.ConnectedComponents} joins its runs, but
 * streaming and with each run's probability sums: memory grows with the runs in the band, not with the volume.
 */
public final class MissCandidates {
    /**
     * The doubt band's lower end the Review tab starts with. Chosen with {@code benchmark proofreading}'s volumes
     * 201-204 (both defect settings, two demo models): of 21 missed synapses the first 2 x (missed) places showed 13
     * at 0.15, 14 at 0.1, 15 at 0.05, with lists of 17, 27 and 51 places a volume on average; the softmax models doubt
     * little, and some misses never reach 0.15.
     */
    public static final double DEFAULT_LOW = 0.1;
    /** Regions nearer than this (nm) to a detection count in proportion to their distance. */
    public static final double NEAR_NM = 400;
    /** The task name {@link #find} reports progress under. */
    public static final String SEARCHING = "Looking for missed synapses";

    private final double low;
    private final double high;
    private final long minVoxels;

    /**
     * @param low the band's lower end (probability 0-1, e.g. {@link #DEFAULT_LOW})
     * @param high where detections begin (e.g. 0.5, the threshold that made the instances)
     * @param minVoxels regions smaller than this are left out
     */
    public MissCandidates(double low, double high, long minVoxels) {
        if (!(low > 0 && low < high && high <= 1)) {
            throw new IllegalArgumentException("The doubt band must satisfy 0 < low < high <= 1, but is " + low + " to "
                    + high + "; for example " + DEFAULT_LOW + " to 0.5.");
        }
        this.low = low;
        this.high = high;
        this.minVoxels = Math.max(1, minVoxels);
    }

    /**
     * One place to look at. Positions are (z, y, x) voxels; {@code peakAt} is the most probable voxel; {@code nearest}
     * is the distance in nm from its box to the nearest detection's, {@link #NEAR_NM} when none is nearer.
     */
    public record Candidate(long voxels, double mass, double peak, int[] peakAt, int[] min, int[] max, double nearest) {
        public double mean() {
            return mass / voxels;
        }

        /** What the ranking sorts by: the mass, times the distance to the nearest detection over {@link #NEAR_NM}. */
        public double score() {
            return mass * Math.min(1, nearest / NEAR_NM);
        }
    }

    /**
     * The candidates of {@code probability} (a 3-d map, or the first channel of a 4-d one; integer maps are read as
     * fractions of their type's largest value) given the predicted {@code instances} (same spatial shape, or null),
     * likeliest first.
     *
     * @param progress hears sections done, as "Looking for missed synapses" (may be null)
     * @param cancelled asked between sections; a cancelled search returns what it has found so far (may be null)
     */
    public List<Candidate> find(Volume probability, Volume instances, Progress progress, Cancellation cancelled) {
        int[] shape = probability.spatialShape();
        if (instances != null && !Arrays.equals(instances.spatialShape(), shape)) {
            throw new IllegalArgumentException("The instances " + instances.name() + " have shape "
                    + Arrays.toString(instances.spatialShape()) + " but the probability map " + probability.name() + " has "
                    + Arrays.toString(shape) + "; open the instances made from this map.");
        }
        double scale = scale(probability.type());
        Runs runs = new Runs();
        int ny = shape[1];
        int nx = shape[2];
        int[] previousRows = null;
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "candidates-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            // the next section is read and classified on another thread while this one joins the runs of the last
            Future<Classified> next = reader.submit(() -> classify(probability, instances, 0, scale));
            long t0 = System.nanoTime();
            for (int z = 0; z < shape[0]; z++) {
                if (cancelled != null && cancelled.isCancelled()) {
                    break;
                }
                Classified c = get(next);
                int nextZ = z + 1;
                if (nextZ < shape[0]) {
                    next = reader.submit(() -> classify(probability, instances, nextZ, scale));
                }
                byte[] code = c.code();
                float[] value = c.value();
                int[] rows = new int[ny + 1];
                for (int y = 0; y < ny; y++) {
                    rows[y] = runs.count;
                    int base = y * nx;
                    int x = 0;
                    while (x < nx) {
                        if (code[base + x] == OUT) {
                            x++;
                            continue;
                        }
                        int r = runs.add(z, y, x);
                        while (x < nx && code[base + x] != OUT) {
                            runs.voxel(r, x, value[base + x], code[base + x] == DETECTED);
                            x++;
                        }
                        runs.end[r] = x - 1;
                        if (y > 0) {
                            runs.joinOverlapping(r, rows[y - 1], rows[y]);
                        }
                        if (previousRows != null) {
                            for (int yy = Math.max(0, y - 1); yy <= Math.min(ny - 1, y + 1); yy++) {
                                runs.joinOverlapping(r, previousRows[yy], previousRows[yy + 1]);
                            }
                        }
                    }
                }
                rows[ny] = runs.count;
                previousRows = rows;
                if (progress != null) {
                    progress.update(SEARCHING, z + 1, shape[0], (System.nanoTime() - t0) / 1e9);
                }
            }
        } finally {
            reader.shutdownNow();
        }
        return runs.candidates(minVoxels, probability.resolution());
    }

    private static final byte OUT = 0;
    private static final byte BAND = 1;
    private static final byte DETECTED = 2;

    /** A section's voxels as probabilities and as out of the band, in it, or detected. */
    private record Classified(byte[] code, float[] value) {
    }

    private Classified classify(Volume probability, Volume instances, int z, double scale) {
        Block p = section(probability, z);
        int n = p.size();
        byte[] code = new byte[n];
        float[] value = new float[n];
        if (p.type() == DataType.UINT8) { // a table per byte value, with the same comparisons as below
            byte[] codeOf = new byte[256];
            float[] valueOf = new float[256];
            for (int b = 0; b < 256; b++) {
                valueOf[b] = (float) (b * scale);
                codeOf[b] = codeOf(b * scale, instances != null);
            }
            byte[] raw = p.bytes();
            for (int i = 0; i < n; i++) {
                int b = raw[i] & 0xFF;
                code[i] = codeOf[b];
                value[i] = valueOf[b];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = p.getDouble(i) * scale;
                code[i] = codeOf(v, instances != null);
                value[i] = (float) v;
            }
        }
        if (instances != null) {
            Block ids = section(instances, z);
            if (ids.type() == DataType.UINT64 || ids.type() == DataType.INT64) {
                long[] raw = ids.longs();
                for (int i = 0; i < n; i++) {
                    if (Cremi.isObject(raw[i])) {
                        code[i] = DETECTED;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (Cremi.isObject(ids.getLong(i))) {
                        code[i] = DETECTED;
                    }
                }
            }
        }
        return new Classified(code, value);
    }

    /** Without instances the threshold marks detections; with them only their voxels do (set after this). */
    private byte codeOf(double v, boolean withInstances) {
        return v >= high && !withInstances ? DETECTED : v >= low ? BAND : OUT;
    }

    private static Classified get(Future<Classified> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the probability map", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Section z of a 3-d volume, or of the first channel of a 4-d one. */
    static Block section(Volume v, int z) {
        int[] s = v.spatialShape();
        return tile(v, z, 0, 0, s[1], s[2]);
    }

    /** The h x w voxels from (y0, x0) of section z of a map: its first channel when it has channels. */
    static Block tile(Volume v, int z, int y0, int x0, int h, int w) {
        return v.rank() == 4 ? v.read(new int[] {0, z, y0, x0}, new int[] {1, 1, h, w})
                : v.read(new int[] {z, y0, x0}, new int[] {1, h, w});
    }

    /** What an element of a probability map of this type means as a fraction. */
    static double scale(DataType t) {
        return switch (t) {
            case FLOAT32, FLOAT64 -> 1;
            case UINT8 -> 1 / 255.0;
            case UINT16 -> 1 / 65535.0;
            default -> throw new IllegalArgumentException("A probability map of type " + t.name().toLowerCase()
                    + " is not supported; use float32, uint8 (0-255) or uint16 (0-65535).");
        };
    }

    /** Runs of band voxels along x, with their statistics and a union-find forest over them. */
    private static final class Runs {
        int count;
        int[] z = new int[1024];
        int[] y = new int[1024];
        int[] start = new int[1024];
        int[] end = new int[1024];
        final UnionFind sets = new UnionFind(0);
        double[] mass = new double[1024];
        double[] peak = new double[1024];
        int[] peakX = new int[1024];
        boolean[] detected = new boolean[1024];

        int add(int zz, int yy, int x) {
            if (count == z.length) {
                int n = 2 * count;
                z = Arrays.copyOf(z, n);
                y = Arrays.copyOf(y, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                mass = Arrays.copyOf(mass, n);
                peak = Arrays.copyOf(peak, n);
                peakX = Arrays.copyOf(peakX, n);
                detected = Arrays.copyOf(detected, n);
            }
            int r = count++;
            z[r] = zz;
            y[r] = yy;
            start[r] = x;
            end[r] = x;
            sets.add();
            mass[r] = 0;
            peak[r] = -1;
            detected[r] = false;
            return r;
        }

        void voxel(int r, int x, double v, boolean det) {
            mass[r] += v;
            if (v > peak[r]) {
                peak[r] = v;
                peakX[r] = x;
            }
            detected[r] |= det;
        }

        /** Joins run r with the runs of one row, [from, to), whose x range touches its own, diagonals included. */
        void joinOverlapping(int r, int from, int to) {
            for (int q = from; q < to; q++) {
                if (start[q] > end[r] + 1) {
                    break; // runs of a row ascend in x
                }
                if (end[q] >= start[r] - 1) {
                    union(r, q);
                }
            }
        }

        int find(int a) {
            return sets.find(a);
        }

        void union(int a, int b) {
            sets.union(a, b);
        }

        List<Candidate> candidates(long minVoxels, double[] resolution) {
            int n = count;
            long[] voxels = new long[n];
            double[] sum = new double[n];
            double[] top = new double[n];
            Arrays.fill(top, -1);
            int[] topRun = new int[n];
            boolean[] det = new boolean[n];
            int[][] box = new int[n][];
            for (int r = 0; r < n; r++) {
                int root = find(r);
                voxels[root] += end[r] - start[r] + 1;
                sum[root] += mass[r];
                det[root] |= detected[r];
                if (peak[r] > top[root]) {
                    top[root] = peak[r];
                    topRun[root] = r;
                }
                if (box[root] == null) {
                    box[root] = new int[] {z[r], y[r], start[r], z[r], y[r], end[r]};
                } else {
                    int[] b = box[root];
                    b[0] = Math.min(b[0], z[r]);
                    b[1] = Math.min(b[1], y[r]);
                    b[2] = Math.min(b[2], start[r]);
                    b[3] = Math.max(b[3], z[r]);
                    b[4] = Math.max(b[4], y[r]);
                    b[5] = Math.max(b[5], end[r]);
                }
            }
            Detections detections = new Detections(resolution);
            for (int r = 0; r < n; r++) {
                if (find(r) == r && det[r]) {
                    detections.add(box[r]);
                }
            }
            List<Candidate> out = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (find(r) == r && !det[r] && voxels[r] >= minVoxels) {
                    int t = topRun[r];
                    int[] b = box[r];
                    out.add(new Candidate(voxels[r], sum[r], top[r], new int[] {z[t], y[t], peakX[t]},
                            new int[] {b[0], b[1], b[2]}, new int[] {b[3], b[4], b[5]}, detections.nearest(b)));
                }
            }
            out.sort(Comparator.comparingDouble(Candidate::score).thenComparingDouble(Candidate::mass)
                    .thenComparingDouble(Candidate::peak).reversed());
            return out;
        }
    }

    /**
     * The boxes of the detections (with the doubt around them), bucketed by z in slabs {@link #NEAR_NM} thick, to
     * find the nearest to a region among the few slabs within reach.
     */
    private static final class Detections {
        private final double[] resolution;
        private final int slab;
        private final Map<Integer, List<int[]>> bySlab = new HashMap<>();

        Detections(double[] resolution) {
            this.resolution = resolution;
            this.slab = Math.max(1, (int) Math.ceil(NEAR_NM / resolution[0]));
        }

        /** A box as (z0, y0, x0, z1, y1, x1), inclusive. */
        void add(int[] box) {
            for (int s = box[0] / slab; s <= box[3] / slab; s++) {
                bySlab.computeIfAbsent(s, k -> new ArrayList<>()).add(box);
            }
        }

        /** The gap in nm between {@code box} and the nearest detection's box, at most {@link #NEAR_NM}. */
        double nearest(int[] box) {
            double best = NEAR_NM;
            for (int s = box[0] / slab - 1; s <= box[3] / slab + 1; s++) {
                for (int[] d : bySlab.getOrDefault(s, List.of())) {
                    double sq = 0;
                    for (int a = 0; a < 3; a++) {
                        double gap = Math.max(0, Math.max(box[a] - d[a + 3], d[a] - box[a + 3])) * resolution[a];
                        sq += gap * gap;
                    }
                    best = Math.min(best, Math.sqrt(sq));
                }
            }
            return best;
        }
    }
}
