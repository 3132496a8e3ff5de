package org.synapseworkbench.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Window positions over a volume (z, y, x): per axis 1 + ceil((D - v) / s) windows {@code stride} apart, the last
 * moved back to end at the volume's end; one window at 0 when the volume is no larger than the window.
 *
 * @param volume volume shape
 * @param window window size
 * @param stride distance between window starts
 */
public record SlidingWindows(int[] volume, int[] window, int[] stride) {

    public SlidingWindows {
        for (int a = 0; a < 3; a++) {
            if (window[a] < 1 || stride[a] < 1) {
                throw new IllegalArgumentException("window " + Arrays.toString(window) + " and stride " + Arrays.toString(stride)
                        + " must be positive");
            }
        }
    }

    /** Starts along one axis. */
    public static int[] starts(int length, int window, int stride) {
        if (length <= window) {
            return new int[] {0};
        }
        int n = 1 + (length - window + stride - 1) / stride;
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(i * stride, length - window);
        }
        return s;
    }

    /** The starts along each axis: the grid is their product, z slowest. */
    public int[][] axes() {
        return new int[][] {starts(volume[0], window[0], stride[0]), starts(volume[1], window[1], stride[1]),
            starts(volume[2], window[2], stride[2])};
    }

    /** The number of windows. */
    public long count() {
        int[][] a = axes();
        return (long) a[0].length * a[1].length * a[2].length;
    }

    /** The start (z, y, x) of window number {@code i} of {@link #positions()}. */
    public int[] position(long i) {
        int[][] a = axes();
        int x = (int) (i % a[2].length);
        long rest = i / a[2].length;
        int y = (int) (rest % a[1].length);
        int z = (int) (rest / a[1].length);
        return new int[] {a[0][z], a[1][y], a[2][x]};
    }

    /** Every window start (z, y, x), z slowest. */
    public List<int[]> positions() {
        int[] zs = starts(volume[0], window[0], stride[0]);
        int[] ys = starts(volume[1], window[1], stride[1]);
        int[] xs = starts(volume[2], window[2], stride[2]);
        List<int[]> out = new ArrayList<>(zs.length * ys.length * xs.length);
        for (int z : zs) {
            for (int y : ys) {
                for (int x : xs) {
                    out.add(new int[] {z, y, x});
                }
            }
        }
        return out;
    }
}
