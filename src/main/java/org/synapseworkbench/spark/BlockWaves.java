package org.synapseworkbench.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.synapseworkbench.volume.Grid;

/**
 * The order of a block-wise prediction's work in waves of z-slabs of blocks, so that the files of shared windows
 * ({@link SharedWindows}) never cover more than a few slabs at once: a block is predicted once the windows of every
 * block its windows can reach are written, and a slab's windows are removed once every block reading them is done.
 * Each wave is one Spark job that predicts a group of slabs while it computes the shared windows of a later one; a
 * group holds enough slabs for twice the cluster's cores in blocks, so a wave keeps the cluster busy.
 */
final class BlockWaves {
    /**
     * One Spark job: blocks whose shared windows to compute, blocks to predict, and then blocks whose windows' files
     * are no longer needed.
     */
    record Wave(List<Long> shared, List<Long> predict, List<Long> release) {
    }

    private BlockWaves() {
    }

    /**
     * The waves of a run.
     *
     * @param windowZ the windows' size along z (a window reaches this many voxels)
     * @param parallelism tasks the cluster runs at once
     * @param predict the blocks to predict
     * @param windowsWritten the blocks whose shared windows are written already
     */
    static List<Wave> plan(Grid blocks, int windowZ, int parallelism, Set<Long> predict, Set<Long> windowsWritten) {
        int[] n = blocks.counts();
        int slabs = n[0];
        long perSlab = (long) n[1] * n[2];
        int group = (int) Math.max(1, Math.min(slabs, (2L * parallelism + perSlab - 1) / perSlab));
        int waves = (slabs + group - 1) / group;
        int reachSlabs = (Math.max(0, windowZ - 1) + blocks.cell()[0] - 1) / blocks.cell()[0];
        int reach = (reachSlabs + group - 1) / group;
        List<List<Long>> all = new ArrayList<>();
        List<List<Long>> toPredict = new ArrayList<>();
        for (int w = 0; w < waves; w++) {
            all.add(new ArrayList<>());
            toPredict.add(new ArrayList<>());
        }
        boolean[] needed = new boolean[waves];
        for (long k = 0; k < blocks.count(); k++) {
            int w = (int) (k / perSlab / group);
            all.get(w).add(k);
            if (predict.contains(k)) {
                toPredict.get(w).add(k);
                for (int j = Math.max(0, w - reach); j <= Math.min(waves - 1, w + reach); j++) {
                    needed[j] = true;
                }
            }
        }
        List<List<Long>> toCompute = new ArrayList<>();
        for (int w = 0; w < waves; w++) {
            List<Long> c = new ArrayList<>();
            if (needed[w]) {
                all.get(w).stream().filter(k -> !windowsWritten.contains(k)).forEach(c::add);
            }
            toCompute.add(c);
        }
        List<Wave> out = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        for (int w = 0; w <= Math.min(reach, waves - 1); w++) {
            first.addAll(toCompute.get(w));
        }
        out.add(new Wave(first, List.of(), List.of()));
        for (int w = 0; w < waves; w++) {
            List<Long> release = new ArrayList<>();
            for (int j = w - reach; j <= (w == waves - 1 ? waves - 1 : w - reach); j++) {
                if (j >= 0) {
                    release.addAll(all.get(j));
                }
            }
            out.add(new Wave(w + reach + 1 < waves ? toCompute.get(w + reach + 1) : List.of(), toPredict.get(w), release));
        }
        return out;
    }
}
