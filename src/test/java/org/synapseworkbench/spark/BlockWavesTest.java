package org.synapseworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Grid;

/** The waves of a block-wise prediction keep their promises on grids of several shapes, from scratch and resumed. */
class BlockWavesTest {
    @Test
    void blocksArePredictedAfterTheWindowsTheyReadAndWindowsGoOnlyWhenNoBlockLeftNeedsThem() {
        for (int[] shape : new int[][] {{28, 10, 10}, {28, 40, 40}, {5, 10, 10}}) {
            Grid blocks = new Grid(shape, new int[] {4, 10, 10});
            for (int windowZ : new int[] {1, 5, 9, 17}) {
                for (int parallelism : new int[] {1, 3, 100}) {
                    for (int resumed = 0; resumed < 2; resumed++) {
                        Set<Long> predict = new HashSet<>();
                        Set<Long> written = new HashSet<>();
                        for (long k = 0; k < blocks.count(); k++) {
                            if (resumed == 0 || k % 3 != 0) {
                                predict.add(k); // resumed: every third block was predicted before
                            }
                            if (resumed == 1 && k % 2 == 0) {
                                written.add(k); // and every second one's windows are still there
                            }
                        }
                        check(blocks, windowZ, parallelism, predict, written);
                    }
                }
            }
        }
    }

    private static void check(Grid blocks, int windowZ, int parallelism, Set<Long> predict, Set<Long> written) {
        String what = java.util.Arrays.toString(blocks.shape()) + " window z " + windowZ + " parallelism " + parallelism;
        int reach = (windowZ - 1 + 3) / 4; // slabs a window spans beyond its own, blocks 4 deep
        int perSlab = blocks.counts()[1] * blocks.counts()[2];
        List<BlockWaves.Wave> waves = BlockWaves.plan(blocks, windowZ, parallelism, predict, written);
        Set<Long> present = new HashSet<>(written);
        Set<Long> released = new HashSet<>();
        Set<Long> predicted = new HashSet<>();
        long mostSlabs = 0;
        for (BlockWaves.Wave w : waves) {
            for (long k : w.predict()) {
                long slab = k / perSlab;
                for (long j = 0; j < blocks.count(); j++) {
                    if (Math.abs(j / perSlab - slab) <= reach) {
                        assertTrue(present.contains(j), what + ": block " + k + " predicted before block " + j + "'s windows");
                    }
                }
                assertTrue(predicted.add(k), what + ": block " + k + " predicted twice");
            }
            for (long k : w.shared()) {
                assertTrue(present.add(k) && !released.contains(k), what + ": block " + k + "'s windows computed twice");
            }
            present.addAll(w.shared());
            for (long k : w.release()) {
                present.remove(k);
                released.add(k);
            }
            mostSlabs = Math.max(mostSlabs, present.stream().mapToLong(k -> k / perSlab).distinct().count());
        }
        assertEquals(predict, predicted, what + ": every block left predicted");
        assertTrue(present.isEmpty(), what + ": every window file released at the end");
        if (perSlab == 16 && blocks.counts()[0] == 7 && parallelism == 1 && windowZ == 5 && predict.size() == blocks.count()) {
            // 16 blocks a slab are work enough for a wave: a slab a wave, and windows kept for three slabs at most
            assertEquals(8, waves.size(), "the first windows, then a wave a slab");
            assertEquals(3, mostSlabs);
        }
    }
}
