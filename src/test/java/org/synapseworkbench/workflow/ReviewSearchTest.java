package org.synapseworkbench.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.proofread.ReviewQueue;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/** The review search without the window: one detection, one possible miss, and decisions that come back. */
class ReviewSearchTest {
    private static final double[] RES = {40, 4, 4};

    /** A detection (id 1, probability 0.9) in section 0 and, far from it, a 12-voxel patch of doubt (0.3) in section 2. */
    private static InMemoryVolume[] volumes() {
        Block p = Block.zeros(DataType.FLOAT32, 3, 16, 16);
        Block i = Block.zeros(DataType.UINT64, 3, 16, 16);
        for (int y = 1; y < 4; y++) {
            for (int x = 1; x < 5; x++) {
                p.setDouble(p.index(0, y, x), 0.9);
                i.setLong(i.index(0, y, x), 1);
                p.setDouble(p.index(2, y + 10, x + 10), 0.3);
            }
        }
        return new InMemoryVolume[] {new InMemoryVolume("probability", p, RES), new InMemoryVolume("instances", i, RES)};
    }

    @Test
    void findsTheDetectionAndTheMissAndTakesBackEarlierDecisions(@TempDir Path dir) {
        InMemoryVolume[] v = volumes();
        List<String> progress = new ArrayList<>();
        Path decisions = dir.resolve("review.csv");
        ReviewSearch.Result r = new ReviewSearch(0.15, 0.5).run(v[0], v[1], null, false, decisions,
                (task, done, total, seconds) -> progress.add(task + " " + done + "/" + total), new Cancellation());
        assertEquals(1, r.detections());
        assertEquals(1, r.possibleMisses());
        assertEquals(2, r.queue().size());
        assertNull(r.compared());
        assertEquals(List.of("Measuring the detections 0/6", "Measuring the detections 1/6", "Measuring the detections 2/6",
                "Measuring the detections 3/6", "Looking for missed synapses 3/6", "Looking for missed synapses 4/6",
                "Looking for missed synapses 5/6", "Looking for missed synapses 6/6"), progress);
        assertTrue(r.summary().startsWith("1 detections, 1 possible misses in "), r.summary());
        assertTrue(r.summary().endsWith(" s."), r.summary());

        r.queue().decide(0, ReviewQueue.Status.ACCEPTED);
        r.queue().export(decisions);
        ReviewSearch.Result again = new ReviewSearch(0.15, 0.5).run(v[0], v[1], null, false, decisions, Progress.NONE,
                new Cancellation());
        assertEquals(1, again.restored());
        assertEquals(ReviewQueue.Status.ACCEPTED, again.queue().status(0));
        assertTrue(again.summary().endsWith("; 1 decision of before is back."), again.summary());
    }

    /**
     * The same detection and patch of doubt as {@link #volumes()} in a 3-channel uint8 map written as infer writes it:
     * exclusive classes (background first) or pre, post, union; the synapse probability is 204 (0.8) on the detection
     * and 77 on the patch, split between pre and post in the class map, in the union channel only in the other.
     */
    private static Path channelMap(Path dir, boolean classes) {
        Block p = Block.zeros(DataType.UINT8, 3, 3, 16, 16);
        int n = 3 * 16 * 16;
        for (int i = 0; i < n; i++) {
            p.setLong(i, classes ? 255 : 0);
        }
        for (int y = 1; y < 4; y++) {
            for (int x = 1; x < 5; x++) {
                int detection = (0 * 16 + y) * 16 + x;
                int doubt = (2 * 16 + y + 10) * 16 + x + 10;
                if (classes) {
                    p.setLong(detection, 51);
                    p.setLong(n + detection, 150);
                    p.setLong(2 * n + detection, 54);
                    p.setLong(doubt, 178);
                    p.setLong(2 * n + doubt, 77);
                } else {
                    p.setLong(2 * n + detection, 204);
                    p.setLong(2 * n + doubt, 77);
                }
            }
        }
        Path file = dir.resolve(classes ? "classes.h5" : "channels.h5");
        new Hdf5Writer().dataset("vol0", p, Map.of("channels", classes ? "background,pre,post" : "pre,post,union")).write(file);
        return file;
    }

    @Test
    void mapsWithChannelsAreSearchedByTheirSynapseProbability(@TempDir Path dir) {
        for (boolean classes : new boolean[] {true, false}) {
            try (Hdf5Volume map = Hdf5Volume.open(channelMap(dir, classes), "vol0")) {
                ReviewSearch.Result r = new ReviewSearch(0.15, 0.5).run(map, volumes()[1], null, false, null, Progress.NONE,
                        new Cancellation());
                assertEquals(1, r.detections(), "classes " + classes);
                assertEquals(1, r.possibleMisses(), "classes " + classes + ": the background channel would hide the patch");
                ReviewQueue.Item detection = r.queue().items().get(0);
                assertEquals(204 / 255.0, detection.mean(), 1e-9);
                ReviewQueue.Item miss = r.queue().items().get(1);
                // two sections, 8 rows and 7 columns from the detection: sqrt(80^2 + 32^2 + 28^2) nm
                assertEquals(12 * 77 / 255.0 * Math.sqrt(8208) / 400, miss.score(), 1e-5);
                assertEquals(12, miss.voxels());
            }
        }
    }

    @Test
    void aCancelledSearchSaysSoAndKeepsWhatItFound(@TempDir Path dir) {
        InMemoryVolume[] v = volumes();
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        ReviewSearch.Result r = new ReviewSearch(0.15, 0.5).run(v[0], v[1], null, false, null, Progress.NONE, cancel);
        assertTrue(r.cancelled());
        assertEquals(0, r.detections());
        assertTrue(r.summary().startsWith("Cancelled; so far: 0 detections, 0 possible misses in "), r.summary());
    }

    @Test
    void thresholdsThatMakeNoSenseAreRefusedBeforeTheSearch() {
        assertThrows(IllegalArgumentException.class, () -> new ReviewSearch(0.6, 0.4));
    }
}
