package org.synapseworkbench.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.train.TrainingEnd;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

class PredictAndScoreTest {
    @TempDir
    static Path dir;

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
                Polarity2Instance.SideRule.THRESHOLDS, false).longs());
        assertArrayEquals(new long[] {1, 1, 2, 2}, PredictAndScore.instances(probs, TargetKind.POLARITY, 0.5, 0,
                Polarity2Instance.SideRule.LARGER, false).longs());
    }

    /**
     * The window's config chooses windows and views; the model sees its input as it was trained: a checkpoint trained
     * with sections standardised predicts the same under a config without that key.
     */
    @Test
    void theInputIsNormalisedAsTheCheckpointWasTrained() {
        Path data = dir.resolve("data");
        TinyCleftModel.writeVolume(data);
        Config trained = TinyCleftModel.config(data, dir.resolve("out"), 2).with("DATASET.NORMALIZE_SECTIONS", true, "test");
        assertEquals(TrainingEnd.Reason.FINISHED, new TrainingRun(trained, TrainingRun.Options.defaults()).run().reason());
        Path checkpoint = dir.resolve("out").resolve(TrainingRun.checkpointName(2));
        Hdf5Volume image = Hdf5Volume.open(data.resolve("tiny-image.h5"), null);
        Config window = trained.with("DATASET.NORMALIZE_SECTIONS", false, "test");

        Block shown = PredictAndScore.predict(checkpoint, window, image, Progress.NONE, new Cancellation()).probabilities();
        try (Predictor p = Predictor.load(checkpoint, null, DeviceChoice.CPU.resolve(0))) {
            Block asTrained = new VolumeInference(p, VolumeInference.Settings.fromConfig(trained)).predict(image, Progress.NONE,
                    new Cancellation());
            Block raw = new VolumeInference(p, VolumeInference.Settings.fromConfig(window)).predict(image, Progress.NONE,
                    new Cancellation());
            assertArrayEquals(asTrained.bytes(), shown.bytes());
            assertFalse(Arrays.equals(raw.bytes(), shown.bytes()), "without standardising the model sees another input");
        }
    }
}
