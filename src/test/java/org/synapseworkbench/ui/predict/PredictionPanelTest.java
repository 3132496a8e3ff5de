package org.synapseworkbench.ui.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.post.CleftInstances;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.train.TrainingEnd;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.workflow.PredictAndScore;
import org.synapseworkbench.workflow.TinyCleftModel;

/**
 * Predicting the open image from the window: the probability layer holds what the engine predicts with that
 * checkpoint, the instances are the probabilities' components, and the table scores them against the truth.
 */
@ExtendWith(ApplicationExtension.class)
class PredictionPanelTest {
    @TempDir
    static Path dir;
    private WorkbenchWindow window;
    private PredictionPanel panel;
    private Config config;
    private Hdf5Volume image;
    private Hdf5Volume truth;

    @Start
    void start(Stage stage) {
        Path data = dir.resolve("data");
        TinyCleftModel.writeVolume(data);
        config = TinyCleftModel.config(data, dir.resolve("out"), 3);
        TrainingEnd end = new TrainingRun(config, TrainingRun.Options.defaults()).run();
        assertEquals(TrainingEnd.Reason.FINISHED, end.reason());
        image = Hdf5Volume.open(data.resolve("tiny-image.h5"), null);
        truth = Hdf5Volume.open(data.resolve("tiny-clefts.h5"), null);
        window = new WorkbenchWindow(image);
        window.addLayer(new LabelLayer("clefts", truth, LayerKind.CLEFTS));
        window.state().configProperty().set(config);
        panel = new PredictionPanel(window, Path.of(""));
        window.addPanel("Predict", panel.node());
        window.showPanel("Predict");
        stage.setScene(window.scene());
        stage.show();
    }

    @Test
    void predictsShowsInstancesAndScoresThemAgainstTheTruth(FxRobot robot) throws Exception {
        Path checkpoint = dir.resolve("out").resolve(TrainingRun.checkpointName(3));
        assertEquals(checkpoint.toString(), window.state().checkpointProperty().get(), "the newest checkpoint of the output folder");
        assertEquals("Predict, and the instances are scored here against the open labels (clefts).",
                ((javafx.scene.control.Label) panel.scores().getPlaceholder()).getText());
        robot.clickOn("#prediction-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !panel.scores().getItems().isEmpty() && !panel.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        Block expected;
        try (Predictor p = Predictor.load(checkpoint, null, DeviceChoice.CPU.resolve(0))) {
            expected = new VolumeInference(p, VolumeInference.Settings.fromConfig(config)).predict(image, Progress.NONE,
                    new Cancellation());
        }
        List<LabelLayer> layers = window.slice().layers();
        assertEquals(List.of("clefts", "cleft probability", "predicted clefts"), layers.stream().map(LabelLayer::name).toList());
        Block shown = layers.get(1).labels().read(new int[3], image.spatialShape());
        assertArrayEquals(expected.bytes(), shown.bytes(), "the layer holds the engine's prediction");

        Block instances = CleftInstances.toBlock(CleftInstances.of(expected, 0.5, 26, 128), 0);
        assertArrayEquals(instances.longs(), layers.get(2).labels().read(new int[3], image.spatialShape()).longs());
        assertTrue(layers.get(0).outlineProperty().get(), "the truth is drawn as outlines over the prediction");

        List<PredictAndScore.Score> rows = PredictAndScore.cleftScores(instances, truth.read(new int[3], image.spatialShape()),
                image.resolution());
        assertEquals(rows.size(), panel.scores().getItems().size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i), panel.scores().getItems().get(i));
        }
        assertEquals("CREMI score (nm, lower is better)", rows.get(0).measure());
        assertTrue(panel.status().getText().contains("scored against clefts"), panel.status().getText());

        javafx.scene.control.ChoiceBox<Polarity2Instance.SideRule> sides = robot.lookup("#prediction-sides").query();
        assertEquals(Polarity2Instance.SideRule.LARGER, sides.getValue(), "the window cuts sides by the larger channel");
        assertEquals("larger channel", sides.getConverter().toString(sides.getValue()));
        assertTrue(sides.isDisabled(), "a cleft map has no sides to choose");
        assertTrue(!robot.lookup("#prediction-threshold").query().isDisabled(), "a cleft map is cut at the threshold");
        robot.interact(() -> sides.getSelectionModel().select(Polarity2Instance.SideRule.THRESHOLDS));
        assertEquals(Polarity2Instance.SideRule.THRESHOLDS, window.state().sidesProperty().get(), "the choice is the state's");

        javafx.scene.control.CheckBox facing = robot.lookup("#prediction-facing").query();
        assertTrue(facing.isSelected(), "the window drops pre behind the post side by default");
        assertTrue(facing.isDisabled(), "a cleft map has no sides");
        robot.interact(() -> facing.setSelected(false));
        assertTrue(!window.state().facingProperty().get(), "the check box is the state's");
    }
}
