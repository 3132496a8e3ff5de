package org.synapseworkbench.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;

class PredictAndScoreTest {
    /**
     * One synapse of four voxels in a row, its union sure everywhere but its side channels only at the ends: PyTC's
     * rule leaves the middle without a side, the larger channel gives every voxel one.
     */
    @Test
    void theSideRuleDecidesWhereASideChannelIsUnsure() {
        double[] pre = {0.9, 0.45, 0.2, 0.1};
        double[] post = {0.1, 0.3, 0.45, 0.9};
        Block probs = Block.zeros(DataType.FLOAT32, 3, 1, 1, 4);
        for (int i = 0; i < 4; i++) {
            probs.setDouble(i, pre[i]);
            probs.setDouble(4 + i, post[i]);
            probs.setDouble(8 + i, 0.95);
        }
        assertArrayEquals(new long[] {1, 0, 0, 2}, PredictAndScore.instances(probs, TargetKind.POLARITY, 0.5, 0,
                Polarity2Instance.SideRule.THRESHOLDS).longs());
        assertArrayEquals(new long[] {1, 1, 2, 2}, PredictAndScore.instances(probs, TargetKind.POLARITY, 0.5, 0,
                Polarity2Instance.SideRule.LARGER).longs());
    }
}
