package org.synapseworkbench.ui.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Volume;

/** The layer the Review tab searches for misses in a polarity prediction: a synapse's probability, whatever its side. */
class SynapseProbabilityTest {
    private static final int[] SHAPE = {1, 1, 2};

    @Test
    void theUnionChannelOrOneMinusBackground() {
        // channels 0, 1, 2 of two voxels
        Block probs = Block.wrap(DataType.UINT8, new byte[] {10, (byte) 200, 20, 30, 40, (byte) 250}, 3, 1, 1, 2);
        Volume union = PredictionPanel.synapseProbability(probs, TargetKind.POLARITY, SHAPE, new double[] {40, 4, 4});
        Block u = union.read(new int[3], SHAPE);
        assertEquals(40, u.getLong(0));
        assertEquals(250, u.getLong(1));
        // exclusive classes: channel 0 is the background
        Volume any = PredictionPanel.synapseProbability(probs, TargetKind.POLARITY_CLASSES, SHAPE, new double[] {40, 4, 4});
        Block a = any.read(new int[3], SHAPE);
        assertEquals(245, a.getLong(0));
        assertEquals(55, a.getLong(1));
    }
}
