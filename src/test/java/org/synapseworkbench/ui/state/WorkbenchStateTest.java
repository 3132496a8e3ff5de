package org.synapseworkbench.ui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.workflow.PredictAndScore;

/** The one state the window observes: opening an image takes the old layers and prediction away, and says so once. */
class WorkbenchStateTest {
    private static Volume volume(String name) {
        return new InMemoryVolume(name, Block.wrap(DataType.UINT8, new byte[2 * 3 * 4], 2, 3, 4), new double[] {40, 4, 4});
    }

    @Test
    void openingAnImageTakesTheOldLayersAndPredictionAway() {
        WorkbenchState state = new WorkbenchState();
        Volume first = volume("first");
        state.open(first);
        state.layers().add(new LabelLayer("clefts", volume("labels"), LayerKind.CLEFTS));
        Path ckpt = Path.of("c.ckpt");
        Config settings = Config.defaults();
        state.predictionProperty().set(new WorkbenchState.ShownPrediction(first,
                new PredictAndScore.Prediction(Block.wrap(DataType.UINT8, new byte[24], 1, 2, 3, 4), TargetKind.BINARY), ckpt,
                settings));
        assertTrue(state.predictionProperty().get().matches(first, ckpt, settings));
        assertFalse(state.predictionProperty().get().matches(first, Path.of("other.ckpt"), settings));

        List<String> heard = new ArrayList<>();
        state.imageProperty().addListener((o, was, now) -> heard.add(now.name() + " with " + state.layers().size() + " layers"));
        Volume second = volume("second");
        state.open(second);
        assertSame(second, state.image());
        assertEquals(List.of("second with 0 layers"), heard, "listeners see the new image with the old layers gone");
        assertNull(state.predictionProperty().get());
        assertEquals(0.5, state.thresholdProperty().get());
        assertEquals(128, state.minSizeProperty().get());
    }
}
