package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** Instance measurements and the review queue's decisions, saved and loaded. */
class ReviewQueueTest {
    private static final double[] RES = {40, 4, 4};
    @TempDir
    Path dir;

    /** Polarity ids on 2 x 2 x 4: synapse 1 is pre 1 (3 voxels) and post 2 (1 voxel); synapse 2 is post 4 only. */
    private static InMemoryVolume polarity() {
        Block b = Block.wrap(DataType.UINT64, new long[] {
            1, 1, 0, 0,
            0, 2, 0, 4,
            0, 1, 0, 0,
            0, 0, 0, 4}, 2, 2, 4);
        return new InMemoryVolume("polarity", b, RES);
    }

    private static InMemoryVolume probability() {
        Block p = Block.zeros(DataType.FLOAT32, 2, 2, 4);
        for (int i = 0; i < 16; i++) {
            p.setDouble(i, 0.5 + i / 100.0);
        }
        return new InMemoryVolume("probability", p, RES);
    }

    @Test
    void instancesAreMeasuredPerSynapseWithBothSides() {
        List<InstanceTable.Instance> t = InstanceTable.measure(polarity(), probability(), true, null, null);
        assertEquals(2, t.size());
        InstanceTable.Instance one = t.get(0);
        assertEquals(1, one.id());
        assertEquals(4, one.voxels());
        assertEquals(3, one.preVoxels());
        assertEquals(1, one.postVoxels());
        // voxels 0, 1, 5 and 9 (linear): probabilities 0.50, 0.51, 0.55, 0.59
        assertEquals((0.50 + 0.51 + 0.55 + 0.59) / 4, one.mean(), 1e-6);
        assertEquals(0.59, one.peak(), 1e-6);
        assertArrayEquals(new int[] {0, 0, 0}, one.min());
        assertArrayEquals(new int[] {1, 1, 1}, one.max());
        // centre of mass: z (0+0+0+1)/4 = 0.25, y (0+0+1+0)/4 = 0.25, x (0+1+1+1)/4 = 0.75: rounded 0, 0, 1
        assertArrayEquals(new int[] {0, 0, 1}, one.centre());
        InstanceTable.Instance two = t.get(1);
        assertEquals(2, two.id());
        assertEquals(0, two.preVoxels());
        assertEquals(2, two.postVoxels());
        // as clefts: ids 1, 2 and 4 apart, no probabilities
        List<InstanceTable.Instance> clefts = InstanceTable.measure(polarity(), null, false, null, null);
        assertEquals(List.of(1L, 2L, 4L), clefts.stream().map(InstanceTable.Instance::id).toList());
        assertTrue(Double.isNaN(clefts.get(0).mean()));
    }

    @Test
    void theLeastConfidentDetectionsComeFirstThenTheLikeliestMisses() {
        int[] at = {0, 0, 0};
        List<InstanceTable.Instance> detections = List.of(
                new InstanceTable.Instance(1, 10, 5, 5, 0.9, 1, at, at, at),
                new InstanceTable.Instance(2, 10, 5, 5, 0.6, 1, at, at, at),
                new InstanceTable.Instance(3, 5, 2, 3, 0.6, 1, at, at, at),
                new InstanceTable.Instance(4, 20, 10, 10, 0.7, 1, at, at, at));
        List<MissCandidates.Candidate> misses = List.of(new MissCandidates.Candidate(30, 9, 0.4, at, at, at, 400),
                new MissCandidates.Candidate(10, 2, 0.3, at, at, at, 200));
        ReviewQueue q = ReviewQueue.of(detections, misses);
        // 3 and 2 are as doubtful (0.6): the smaller first; then 4 (0.7) and 1 (0.9); then the misses in their order, scored by
        // mass, halved for the one 200 nm from a detection
        assertEquals(List.of(3L, 2L, 4L, 1L, 0L, 0L), q.items().stream().map(ReviewQueue.Item::id).toList());
        assertEquals(List.of(9.0, 1.0), q.items().subList(4, 6).stream().map(ReviewQueue.Item::score).toList());
    }

    @Test
    void decisionsAreCountedWalkedSavedAndLoaded() throws IOException {
        List<MissCandidates.Candidate> misses = List.of(new MissCandidates.Candidate(7, 2.1, 0.4, new int[] {1, 0, 2},
                new int[] {1, 0, 1}, new int[] {1, 1, 3}, MissCandidates.NEAR_NM));
        ReviewQueue q = ReviewQueue.of(InstanceTable.measure(polarity(), probability(), true, null, null), misses);
        assertEquals(3, q.size());
        assertEquals(ReviewQueue.Kind.MISS_CANDIDATE, q.items().get(2).kind());
        List<Integer> heard = new ArrayList<>();
        q.addListener(heard::add);
        assertEquals(ReviewQueue.Status.TO_REVIEW, q.decide(0, ReviewQueue.Status.ACCEPTED));
        q.decide(2, ReviewQueue.Status.UNSURE);
        q.decide(2, ReviewQueue.Status.UNSURE); // no change, no news
        assertEquals(List.of(0, 2), heard);
        assertEquals(1, q.nextToReview(0));
        assertEquals(1, q.nextToReview(2), "wraps around");
        assertEquals(1, q.counts().get(ReviewQueue.Status.TO_REVIEW));
        assertEquals(1, q.counts().get(ReviewQueue.Status.ACCEPTED));

        Path csv = dir.resolve("review.csv");
        q.export(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("detection,1,0,0,1,accepted,4,3,1,"), lines.get(1));
        assertTrue(lines.get(3).startsWith("miss_candidate,0,1,0,2,unsure,7,0,0,"), lines.get(3));

        ReviewQueue fresh = ReviewQueue.of(InstanceTable.measure(polarity(), probability(), true, null, null), misses);
        assertEquals(3, fresh.importStatuses(csv));
        assertEquals(ReviewQueue.Status.ACCEPTED, fresh.status(0));
        assertEquals(ReviewQueue.Status.TO_REVIEW, fresh.status(1));
        assertEquals(ReviewQueue.Status.UNSURE, fresh.status(2));

        // a rejection keeps its reason through the file; another status drops it
        fresh.decide(1, new ReviewQueue.Verdict(ReviewQueue.Status.REJECTED, ReviewQueue.Reason.WRONG_POLARITY));
        fresh.decide(0, new ReviewQueue.Verdict(ReviewQueue.Status.ACCEPTED, ReviewQueue.Reason.BAD_MASK));
        assertEquals(null, fresh.reason(0));
        assertEquals("rejected: wrong polarity (pre and post swapped)", fresh.verdict(1).label());
        assertEquals(java.util.Map.of(ReviewQueue.Reason.WRONG_POLARITY, 1), fresh.reasonCounts());
        fresh.export(csv);
        String rejected = Files.readAllLines(csv).get(2);
        assertTrue(rejected.contains(",rejected,") && rejected.endsWith(",wrong_polarity"), rejected);
        ReviewQueue again = ReviewQueue.of(InstanceTable.measure(polarity(), probability(), true, null, null), misses);
        again.importStatuses(csv);
        assertEquals(ReviewQueue.Reason.WRONG_POLARITY, again.reason(1));
        assertEquals(ReviewQueue.Status.REJECTED, again.status(1));

        Path junk = dir.resolve("junk.csv");
        Files.writeString(junk, "a,b,c\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fresh.importStatuses(junk));
        assertTrue(e.getMessage().contains("not a review file"), e.getMessage());
        Files.writeString(junk, lines.get(0) + "\ndetection,one,0,0,1,accepted\n");
        e = assertThrows(IllegalArgumentException.class, () -> fresh.importStatuses(junk));
        assertTrue(e.getMessage().contains("Line 2"), e.getMessage());
    }
}
