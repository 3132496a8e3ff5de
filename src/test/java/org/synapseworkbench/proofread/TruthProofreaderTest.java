package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.eval.InstanceMatching;
import org.synapseworkbench.eval.PolarityScores;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

/** The proofreader who answers from the truth, on hand-made labels where every verdict and edit is known. */
class TruthProofreaderTest {
    private static final int[] SHAPE = {2, 20, 90};

    /** Sets the box z 0-1, rows y0..y1 (inclusive), columns x0..x1 to {@code id}. */
    private static void box(Block b, int y0, int y1, int x0, int x1, long id) {
        for (int z = 0; z < SHAPE[0]; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    b.setLong((z * SHAPE[1] + y) * SHAPE[2] + x, id);
                }
            }
        }
    }

    private static ReviewQueue.Item detection(long synapse) {
        return new ReviewQueue.Item(ReviewQueue.Kind.DETECTION, synapse, new int[3], new int[3], new int[3], 0, 0, 0, 0, 0, 0);
    }

    private static ReviewQueue.Item place(int y0, int y1, int x0, int x1) {
        return new ReviewQueue.Item(ReviewQueue.Kind.MISS_CANDIDATE, 0, new int[] {0, (y0 + y1) / 2, (x0 + x1) / 2},
                new int[] {0, y0, x0}, new int[] {1, y1, x1}, 0, 0, 0, 0.3, 0.4, 10);
    }

    @Test
    void acceptsRejectsWithTheReasonAndPaintsWhatIsMissing() {
        Block truth = Block.zeros(DataType.UINT64, SHAPE);
        Block predicted = Block.zeros(DataType.UINT64, SHAPE);
        // true synapse 1 at x 0-7 (pre rows 0-1, post rows 2-3): detected exactly as synapse 1
        box(truth, 0, 1, 0, 7, 1);
        box(truth, 2, 3, 0, 7, 2);
        box(predicted, 0, 1, 0, 7, 1);
        box(predicted, 2, 3, 0, 7, 2);
        // nothing true at x 10-17, but detection 2 there
        box(predicted, 0, 1, 10, 17, 3);
        box(predicted, 2, 3, 10, 17, 4);
        // true synapse 2 at x 20-27, detected as synapse 3 with its sides swapped
        box(truth, 0, 1, 20, 27, 3);
        box(truth, 2, 3, 20, 27, 4);
        box(predicted, 0, 1, 20, 27, 6);
        box(predicted, 2, 3, 20, 27, 5);
        // true synapse 3 at x 30-37, not detected at all
        box(truth, 0, 1, 30, 37, 5);
        box(truth, 2, 3, 30, 37, 6);
        // true synapse 4 at x 40-47, detection 4 covers only its pre side (IoU 0.5, not above)
        box(truth, 0, 1, 40, 47, 7);
        box(truth, 2, 3, 40, 47, 8);
        box(predicted, 0, 1, 40, 47, 7);
        // true synapse 5 at x 50-57, split into detections 5 (x 50-53) and 6 (x 54-57)
        box(truth, 0, 1, 50, 57, 9);
        box(truth, 2, 3, 50, 57, 10);
        box(predicted, 0, 1, 50, 53, 9);
        box(predicted, 2, 3, 50, 53, 10);
        box(predicted, 0, 1, 54, 57, 11);
        box(predicted, 2, 3, 54, 57, 12);
        // true synapses 6 (x 60-65) and 7 (x 70-75) merged into detection 7 (x 60-75)
        box(truth, 0, 1, 60, 65, 11);
        box(truth, 2, 3, 60, 65, 12);
        box(truth, 0, 1, 70, 75, 13);
        box(truth, 2, 3, 70, 75, 14);
        box(predicted, 0, 1, 60, 75, 13);
        box(predicted, 2, 3, 60, 75, 14);

        // true synapse 8 at x 80-87, detected whole as synapse 8 but with half its pre side (row 0) drawn as post
        box(truth, 0, 1, 80, 87, 15);
        box(truth, 2, 3, 80, 87, 16);
        box(predicted, 0, 0, 80, 87, 16);
        box(predicted, 1, 1, 80, 87, 15);
        box(predicted, 2, 3, 80, 87, 16);

        TruthProofreader reader = new TruthProofreader(predicted, truth, 0.5);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), reader.trueSynapses());
        assertEquals(List.of(3L), reader.at(place(0, 3, 30, 37)));
        assertEquals(List.of(), reader.at(place(10, 19, 10, 17)));

        check(reader.decide(detection(1)), ReviewQueue.Status.ACCEPTED, null, 0);
        check(reader.decide(detection(2)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.FALSE_DETECTION, 0);
        check(reader.decide(detection(3)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.WRONG_POLARITY, 1);
        check(reader.decide(place(0, 3, 30, 37)), ReviewQueue.Status.ACCEPTED, null, 1);
        check(reader.decide(place(10, 19, 10, 17)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.FALSE_DETECTION, 0);
        check(reader.decide(detection(4)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.BAD_MASK, 1);
        check(reader.decide(detection(5)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.SPLIT, 1);
        // the painted synapse 5 took detection 6's voxels: nothing of it is left to judge
        check(reader.decide(detection(6)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.FALSE_DETECTION, 0);
        check(reader.decide(detection(7)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.MERGED, 2);
        // synapse IoU 1 and the sides mostly right, but the pre side's IoU is 16 / 32: not above 0.5
        check(reader.decide(detection(8)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.BAD_MASK, 1);
        // a second look at a place already painted changes nothing
        check(reader.decide(place(0, 3, 30, 37)), ReviewQueue.Status.REJECTED, ReviewQueue.Reason.FALSE_DETECTION, 0);

        PolarityScores before = InstanceMatching.polarity(predicted, truth, 0.5);
        assertEquals(3, before.synapses().truePositives()); // 1, 3 whose sides are swapped, and 8
        assertEquals(2, before.pre().truePositives()); // 1, and the pre side that is all of detection 4
        PolarityScores after = InstanceMatching.polarity(reader.current(), truth, 0.5);
        assertEquals(8, after.synapses().truePositives());
        assertEquals(0, after.synapses().falsePositives() + after.synapses().falseNegatives());
        assertEquals(8, after.pre().truePositives());
        assertEquals(8, after.post().truePositives());
        // the edited labels and the scored copy agree voxel for voxel
        Block edited = reader.labels().read(new int[3], SHAPE);
        for (int i = 0; i < edited.size(); i++) {
            assertEquals(reader.current().getLong(i), edited.getLong(i), "voxel " + i);
        }
        // painted: synapses 2, 3, 4, 5, 6, 7 and 8 (64 voxels each, but 6 and 7 are 48); erased: detections 2, 4, 5, 6, 7
        // and 8 where not painted over, i.e. detection 2 (64) and detection 7's columns 66-69 (32)
        int changed = 0;
        for (int i = 0; i < edited.size(); i++) {
            if (edited.getLong(i) != predicted.getLong(i)) {
                changed++;
            }
        }
        assertEquals(changed, org.synapseworkbench.workflow.CorrectionsRetraining.correctedVoxels(reader.labels()).length);
        assertEquals(5 * 64 + 2 * 48 + 64 + 32, changed);
    }

    private static void check(TruthProofreader.Decision d, ReviewQueue.Status status, ReviewQueue.Reason reason, int painted) {
        assertEquals(status, d.verdict().status());
        if (reason == null) {
            assertNull(d.verdict().reason());
        } else {
            assertEquals(reason, d.verdict().reason());
        }
        assertEquals(painted, d.painted());
    }
}
