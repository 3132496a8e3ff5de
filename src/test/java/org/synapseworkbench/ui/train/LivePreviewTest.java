package org.synapseworkbench.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.BoxVolume;
import org.synapseworkbench.volume.Hdf5Volume;

/**
 * Training in the window shows the model's prediction of the section on screen as a layer every N iterations; Pause
 * holds the run and Go on continues it.
 */
@ExtendWith(ApplicationExtension.class)
class LivePreviewTest {
    @TempDir
    static Path dir;
    private WorkbenchWindow window;
    private TrainingPanel panel;
    private LivePreview preview;
    private Path out;

    @Start
    void start(Stage stage) throws Exception {
        out = dir.resolve("out");
        Config config = TrainingPanelTest.tinyTraining(dir, out, "[1, 1000]");
        window = new WorkbenchWindow(Hdf5Volume.open(dir.resolve("data").resolve("tiny-image.h5"), "main"));
        panel = new TrainingPanel(() -> config, Path.of(""));
        preview = new LivePreview(window);
        preview.everyProperty().set(2);
        panel.setLivePreview(preview);
        window.addPanel("Training", panel.node());
        stage.setScene(window.scene());
        stage.show();
    }

    @Test
    void theBoxIsOneWindowDeepAroundTheSectionAndTheVisibleMiddle() {
        int[] shape = {12, 96, 96};
        int[] window = {5, 33, 33};
        int[] cap = {55, 83, 83};
        // section 6, the whole section visible: 5 sections centred on 6, 83 rows and columns around the middle
        int[][] box = LivePreview.box(shape, 6, new int[] {0, 0, 96, 96}, window, cap);
        assertArrayEquals(new int[] {4, 7, 7}, box[0]);
        assertArrayEquals(new int[] {5, 83, 83}, box[1]);
        // zoomed into a 10 x 20 corner at the first section: at least a window, kept inside the volume
        box = LivePreview.box(shape, 0, new int[] {0, 76, 10, 20}, window, cap);
        assertArrayEquals(new int[] {0, 0, 63}, box[0]);
        assertArrayEquals(new int[] {5, 33, 33}, box[1]);
        // a volume thinner than the window: all of it
        box = LivePreview.box(new int[] {3, 20, 96}, 1, new int[] {0, 0, 20, 96}, window, cap);
        assertArrayEquals(new int[] {0, 0, 7}, box[0]);
        assertArrayEquals(new int[] {3, 20, 83}, box[1]);
    }

    @Test
    void trainingShowsThePredictionOfTheViewAndPauses(FxRobot robot) throws Exception {
        robot.interact(() -> window.slice().zProperty().set(6));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> panel.start(null));
        waitFor(() -> !preview.layers().isEmpty(), "a live prediction layer");
        WaitForAsyncUtils.waitForFxEvents();
        LabelLayer layer = preview.layers().get(0);
        assertTrue(window.slice().layers().contains(layer), "the layer is over the section");
        assertEquals(LayerKind.PROBABILITY, layer.kind());
        assertTrue(layer.name().startsWith("live prediction, iteration "), layer.name());
        BoxVolume v = (BoxVolume) layer.labels();
        assertArrayEquals(new int[] {12, 96, 96}, v.shape());
        int[] origin = v.origin();
        Block box = v.block();
        assertEquals(4, origin[0], "five sections centred on section 6");
        assertEquals(5, box.dim(0));
        assertTrue(box.dim(1) >= 33 && box.dim(2) >= 33 && origin[1] + box.dim(1) <= 96, "at least a window, inside");
        long nonzero = 0;
        for (int i = 0; i < box.size(); i++) {
            nonzero += box.getLong(i) > 0 ? 1 : 0;
        }
        assertTrue(nonzero > box.size() / 2, "a sigmoid output is rarely below 1/255: " + nonzero + " of " + box.size());
        assertEquals(0, v.read(new int[] {0, 0, 0}, new int[] {1, 1, 1}).getLong(0), "nothing outside the box");
        String first = layer.name();
        waitFor(() -> !preview.layers().isEmpty() && !preview.layers().get(0).name().equals(first), "the next prediction");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.slice().layers().stream().filter(l -> l.name().startsWith("live prediction")).count(),
                "each prediction replaces the last");

        robot.interact(panel::togglePause);
        assertTrue(panel.paused());
        // the iteration in flight when Pause was pressed ends (with its preview; seconds on a loaded machine)
        long held = steadyLossPoints(panel);
        Thread.sleep(3000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held, panel.lossChart().getData().get(0).getData().size(), "no iterations while paused");
        robot.interact(panel::togglePause);
        waitFor(() -> panel.lossChart().getData().get(0).getData().size() > held, "training to go on");
        robot.interact(panel::stop);
        waitFor(() -> !panel.runningProperty().get(), "the run to stop");
        assertTrue(Checkpoint.newest(out).isPresent(), "Stop writes a checkpoint");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.slice().layers().stream().anyMatch(l -> l.name().startsWith("live prediction")),
                "the last prediction stays after the run");
        robot.interact(preview::clear); // as a prediction of the whole image does
        assertTrue(window.slice().layers().stream().noneMatch(l -> l.name().startsWith("live prediction")));
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 120 s for " + what + "; the panel says: " + panel.status().getText(), e);
        }
    }

    /** The loss chart's number of points once it has not changed for 3 s (at most a minute). */
    private static long steadyLossPoints(TrainingPanel panel) throws InterruptedException {
        long last = -1;
        for (int tries = 0; tries < 20; tries++) {
            WaitForAsyncUtils.waitForFxEvents();
            long now = panel.lossChart().getData().get(0).getData().size();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(3000);
        }
        throw new AssertionError("the loss chart still grew a minute after Pause");
    }
}
