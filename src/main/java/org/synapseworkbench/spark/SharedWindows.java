package org.synapseworkbench.spark;

import java.util.Arrays;

import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.volume.Grid;

/**
 * The windows of a block-wise prediction that reach into more than one block: each is computed once, by the block
 * that holds its centre (its owner), and read by every block it reaches, rather than computed by each of them.
 */
final class SharedWindows {
    private final VolumeInference.Settings settings;
    private final int[] window;
    private final int[] pad;
    private final int[][] starts;
    private final Grid blocks;

    SharedWindows(VolumeInference.Settings settings, Grid blocks) {
        this.settings = settings;
        this.window = settings.window().clone();
        this.pad = settings.pad().clone();
        this.starts = settings.grid(blocks.shape()).axes();
        this.blocks = blocks;
    }

    private int[] start(long i) {
        int x = (int) (i % starts[2].length);
        long rest = i / starts[2].length;
        return new int[] {starts[0][(int) (rest / starts[1].length)] - pad[0], starts[1][(int) (rest % starts[1].length)] - pad[1],
            starts[2][x] - pad[2]};
    }

    /** Whether window {@code i} reaches into more than one block. */
    boolean shared(long i) {
        int[] s = start(i);
        int[] shape = blocks.shape();
        int[] cell = blocks.cell();
        for (int a = 0; a < 3; a++) {
            int first = Math.max(0, s[a]) / cell[a];
            int last = Math.min(shape[a] - 1, s[a] + window[a] - 1) / cell[a];
            if (first != last) {
                return true;
            }
        }
        return false;
    }

    /** The block that computes window {@code i}: the one holding its centre (moved into the volume). */
    long owner(long i) {
        int[] s = start(i);
        int[] g = new int[3];
        for (int a = 0; a < 3; a++) {
            int centre = Math.max(0, Math.min(blocks.shape()[a] - 1, s[a] + window[a] / 2));
            g[a] = centre / blocks.cell()[a];
        }
        return blocks.index(g);
    }

    /** The shared windows block {@code k} computes, ascending (among those reaching into it: its owner is one). */
    long[] owned(long k) {
        int[][] box = blocks.box(blocks.position(k));
        long[] reaching = settings.reaching(blocks.shape(), box[0], box[1]);
        return Arrays.stream(reaching).filter(i -> shared(i) && owner(i) == k).toArray();
    }
}
