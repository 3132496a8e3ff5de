package org.synapseworkbench.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolumeWriter;

/** A tiny training run started from the panel: the chart gains points, Stop ends it with a checkpoint. */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest {
    @TempDir
    static Path dir;
    private TrainingPanel panel;
    private Path out;

    /**
     * The demo cleft config shrunk to a tiny model on a 12 x 96 x 96 volume written to {@code dir/data}
     * ({@code tiny-image.h5}, {@code tiny-clefts.h5}), training without end into {@code out} until stopped.
     */
    static Config tinyTraining(Path dir, Path out, String monitor) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        SyntheticVolumeWriter.writePytc(new SyntheticEmGenerator(SynthParams.of(new int[] {12, 96, 96}, 5).withDensity(24))
                .generate(), data.resolve("tiny.h5"));
        return ConfigLoader.applyOverrides(ConfigLoader.merge(null, Path.of("configs/Demo/Demo-Cleft.yaml"), List.of()),
                List.of("MODEL.INPUT_SIZE", "[5,33,33]", "MODEL.FILTERS", "[8,8,8,8,8]",
                        "DATASET.INPUT_PATH", data.toString(), "DATASET.IMAGE_NAME", "tiny-image.h5",
                        "DATASET.LABEL_NAME", "tiny-clefts.h5", "DATASET.OUTPUT_PATH", out.toString(),
                        "DATASET.PAD_SIZE", "[1,8,8]", "DATASET.REJECT_SAMPLING.SIZE_THRES", "20",
                        "SOLVER.SAMPLES_PER_BATCH", "1", "SOLVER.ITERATION_TOTAL", "100000", "SOLVER.ITERATION_SAVE", "100000",
                        "SOLVER.WARMUP_ITERS", "2", "SYSTEM.NUM_CPUS", "1", "MONITOR.ITERATION_NUM", monitor));
    }

    @Start
    void start(Stage stage) throws Exception {
        out = dir.resolve("out");
        Config config = tinyTraining(dir, out, "[1, 3]");
        panel = new TrainingPanel(() -> config, Path.of(""));
        stage.setScene(new Scene(panel.node(), 800, 700));
        stage.show();
    }

    @Test
    void theChartGainsPointsAndStopWritesACheckpoint(FxRobot robot) throws Exception {
        robot.clickOn("#training-start");
        waitFor(() -> !panel.lossChart().getData().isEmpty() && panel.lossChart().getData().get(0).getData().size() >= 3,
                "three points on the chart");
        assertTrue(panel.runningProperty().get());
        assertEquals(List.of("total", "0/WeightedBCEWithLogitsLoss", "0/DiceLoss"),
                panel.lossChart().getData().stream().map(s -> s.getName()).toList(), "the total and each term");
        robot.clickOn("#training-stop");
        waitFor(() -> !panel.runningProperty().get(), "the run to stop");
        WaitForAsyncUtils.waitForFxEvents();
        Path checkpoint = Checkpoint.newest(out).orElseThrow(() -> new AssertionError("no checkpoint in " + out));
        long iterations = Checkpoint.read(checkpoint).iteration();
        assertTrue(iterations >= 3, "stopped after " + iterations + " iterations");
        assertEquals(iterations, panel.lossChart().getData().get(0).getData().size(), "one point per iteration");
        assertTrue(panel.status().getText().contains(checkpoint.getFileName().toString()), panel.status().getText());
        try (var files = Files.list(out)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("events.out.tfevents")),
                    "TensorBoard events are written beside the checkpoints");
        }
        assertFalse(robot.lookup("#training-start").query().isDisabled(), "Start is offered again");
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 120 s for " + what + "; the panel says: " + panel.status().getText(), e);
        }
    }
}
