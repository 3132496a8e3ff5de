package org.synapseworkbench.volume;

import java.util.Arrays;

/**
 * A coarser view of a volume, read lazily: each voxel stands for a box of {@code factors} voxels of the source (cut at
 * its far edges), as their mean (images; rounded for whole numbers) or their most frequent value (labels, the
 * smallest id on a tie), so a pyramid level is computed a box at a time from the level below.
 */
public final class Downsampled implements Volume {
    private final Volume source;
    private final int[] factors;
    private final boolean labels;
    private final int[] shape;

    /** @param factors per axis of the source (a channel axis, if any, must have factor 1) */
    public Downsampled(Volume source, int[] factors, boolean labels) {
        this.source = source;
        this.factors = factors.clone();
        this.labels = labels;
        int[] s = source.shape();
        shape = new int[s.length];
        for (int a = 0; a < s.length; a++) {
            shape[a] = (s[a] + factors[a] - 1) / factors[a];
        }
    }

    /** Labels (most frequent value) for 4- and 8-byte whole numbers, whose values are ids; images (mean) otherwise. */
    public static boolean holdsLabels(DataType t) {
        return !t.isFloating() && t.bytes() >= 4;
    }

    /**
     * The factors of the next level for a voxel size (z, y, x): 2 along the axes that stay no coarser than the
     * coarsest axis once halved (EM's fine y and x first), else 2 along all.
     */
    public static int[] nextFactors(double[] resolution) {
        double coarsest = Arrays.stream(resolution).max().orElse(1);
        int[] f = new int[3];
        boolean any = false;
        for (int a = 0; a < 3; a++) {
            f[a] = resolution[a] * 2 <= coarsest + 1e-9 ? 2 : 1;
            any |= f[a] == 2;
        }
        if (!any) {
            Arrays.fill(f, 2);
        }
        return f;
    }

    @Override
    public String name() {
        return source.name() + " / " + Arrays.toString(factors);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public DataType type() {
        return source.type();
    }

    @Override
    public int[] chunkShape() {
        int[] c = source.chunkShape();
        for (int a = 0; a < c.length; a++) {
            c[a] = Math.max(1, c[a] / factors[a]);
        }
        return c;
    }

    @Override
    public double[] resolution() {
        double[] r = source.resolution();
        int o = shape.length - 3;
        for (int a = 0; a < 3; a++) {
            r[a] *= factors[o + a];
        }
        return r;
    }

    @Override
    public boolean resolutionStored() {
        return source.resolutionStored();
    }

    /** The source's offset moved to the centre of the first box (where a mean voxel sits). */
    @Override
    public double[] offset() {
        double[] off = source.offset();
        double[] r = source.resolution();
        int o = shape.length - 3;
        for (int a = 0; a < 3; a++) {
            off[a] += (factors[o + a] - 1) * r[a] / 2;
        }
        return off;
    }

    @Override
    public Block read(int[] start, int[] size) {
        Volume.checkBox(this, start, size);
        int r = shape.length;
        int[] s = source.shape();
        int[] from = new int[r];
        int[] span = new int[r];
        for (int a = 0; a < r; a++) {
            from[a] = start[a] * factors[a];
            span[a] = Math.min(s[a], (start[a] + size[a]) * factors[a]) - from[a];
        }
        Block in = source.read(from, span);
        Block out = Block.zeros(source.type(), size);
        long[] values = new long[Arrays.stream(factors).reduce(1, (x, y) -> x * y)];
        int[] pos = new int[r];
        int[] lo = new int[r];
        int[] hi = new int[r];
        for (int i = 0; i < out.size(); i++) {
            for (int a = 0; a < r; a++) {
                lo[a] = pos[a] * factors[a];
                hi[a] = Math.min(span[a], lo[a] + factors[a]);
            }
            if (labels) {
                out.setLong(i, mostFrequent(in, lo, hi, values));
            } else if (source.type().isFloating()) {
                out.setDouble(i, mean(in, lo, hi));
            } else {
                out.setLong(i, Math.round(mean(in, lo, hi)));
            }
            for (int a = r - 1; a >= 0 && ++pos[a] == size[a]; a--) {
                pos[a] = 0;
            }
        }
        return out;
    }

    private static double mean(Block in, int[] lo, int[] hi) {
        double sum = 0;
        long n = 0;
        int[] p = lo.clone();
        while (true) {
            sum += in.getDouble(in.index(p));
            n++;
            if (!next(p, lo, hi)) {
                return sum / n;
            }
        }
    }

    /**
     * The most frequent value of a box (the smallest, unsigned, on a tie): its few values sorted into {@code values},
     * then the longest run; no map per voxel.
     */
    private static long mostFrequent(Block in, int[] lo, int[] hi, long[] values) {
        int n = 0;
        int[] p = lo.clone();
        do {
            values[n++] = in.getLong(in.index(p)) ^ Long.MIN_VALUE; // unsigned order as signed
        } while (next(p, lo, hi));
        java.util.Arrays.sort(values, 0, n);
        long best = values[0];
        int bestRun = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && values[j] == values[i]) {
                j++;
            }
            if (j - i > bestRun) { // strictly longer: the first (smallest) of equally long runs stays
                best = values[i];
                bestRun = j - i;
            }
            i = j;
        }
        return best ^ Long.MIN_VALUE;
    }

    /** The next position in the box lo .. hi (exclusive), last axis fastest; false after the last. */
    private static boolean next(int[] p, int[] lo, int[] hi) {
        for (int a = p.length - 1; a >= 0; a--) {
            if (++p[a] < hi[a]) {
                return true;
            }
            p[a] = lo[a];
        }
        return false;
    }
}
