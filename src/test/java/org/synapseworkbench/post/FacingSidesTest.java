package org.synapseworkbench.post;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FacingSidesTest {
    private static final int N = 40;

    private static void fill(boolean[] m, int y0, int y1, int x0, int x1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                m[y * N + x] = true;
            }
        }
    }

    @Test
    void preBehindThePostSideBecomesPostNextToItAndBackgroundFarther() {
        // one 40 x 40 section: post in rows 20-21 (x 10-29), pre in front of it in rows 22-27, pre behind it in row 19
        // (1 voxel from the post side) and rows 14-15 (5 and 6 voxels; x 12-27), and a pre speck in rows 0-1 farther
        // than REACH from any post voxel
        boolean[] post = new boolean[N * N];
        boolean[] pre = new boolean[N * N];
        fill(post, 20, 22, 10, 30);
        fill(pre, 22, 28, 10, 30);
        fill(pre, 19, 20, 12, 28);
        fill(pre, 14, 16, 12, 28);
        fill(pre, 0, 2, 0, 4);
        boolean[] union = new boolean[N * N];
        for (int i = 0; i < union.length; i++) {
            union[i] = pre[i] || post[i];
        }
        boolean[] before = pre.clone();
        boolean[] postBefore = post.clone();
        // the pre side's direction at any post voxel: the pre centroid row (120 x 24.5 + 16 x 19 + 32 x 14.5 + 8 x 0.5)
        // / 176 = 21.1 lies below the post centroid row 20.5, so the 48 pre voxels above the post side lie behind it
        assertEquals(48, FacingSides.mend(pre, post, union, new int[] {1, N, N}));
        for (int i = 0; i < pre.length; i++) {
            int y = i / N;
            boolean behind = before[i] && (y == 19 || y == 14 || y == 15);
            assertEquals(before[i] && !behind, pre[i], "pre at y " + y + ", x " + i % N);
            assertEquals(postBefore[i] || behind && y == 19, post[i], "post at y " + y + ", x " + i % N);
            assertEquals(post[i] || pre[i], union[i], "union at y " + y + ", x " + i % N);
        }
    }

    @Test
    void sectionsWithoutPostKeepTheirPre() {
        boolean[] pre = new boolean[2 * N * N];
        boolean[] post = new boolean[2 * N * N];
        fill(pre, 5, 9, 5, 30); // section 0: pre alone
        for (int i = N * N; i < 2 * N * N; i++) {
            post[i] = i % N == 20; // section 1: post alone
        }
        boolean[] union = pre.clone();
        assertEquals(0, FacingSides.mend(pre, post, union, new int[] {2, N, N}));
        assertArrayEquals(union, pre);
    }

    @Test
    void distancesToTheNearestPostVoxelAreExact() {
        Random r = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int ny = 1 + r.nextInt(30);
            int nx = 1 + r.nextInt(30);
            boolean[] post = new boolean[ny * nx];
            double density = trial % 4 == 0 ? 0.002 : 0.05;
            for (int i = 0; i < post.length; i++) {
                post[i] = r.nextDouble() < density;
            }
            long[] d = FacingSides.squaredDistances(post, ny, nx);
            for (int i = 0; i < post.length; i++) {
                long best = Long.MAX_VALUE;
                for (int j = 0; j < post.length; j++) {
                    if (post[j]) {
                        long dy = i / nx - j / nx;
                        long dx = i % nx - j % nx;
                        best = Math.min(best, dy * dy + dx * dx);
                    }
                }
                assertEquals(best, d[i], "trial " + trial + ", voxel " + i + " of " + ny + " x " + nx);
            }
        }
    }

    @Test
    void theBlockHaloCoversTheRule() {
        BlockLabelling.Settings plain = BlockLabelling.Settings.polarity(Polarity2Instance.Options.defaults());
        BlockLabelling.Settings facing = BlockLabelling.Settings.polarity(Polarity2Instance.Options.defaults().withFacing(true));
        assertArrayEquals(new int[] {0, 2, 2}, plain.halo());
        assertArrayEquals(new int[] {0, 2 + FacingSides.HALO, 2 + FacingSides.HALO}, facing.halo());
        assertTrue(facing.facing());
        assertFalse(plain.facing());
    }
}
