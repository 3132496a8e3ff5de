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
