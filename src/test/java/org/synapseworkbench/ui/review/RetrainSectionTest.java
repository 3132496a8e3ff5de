package org.synapseworkbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.train.TrainingEnd;
import org.synapseworkbench.train.TrainingRun;
import org.synapseworkbench.ui.predict.PredictionPanel;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.workflow.CorrectionsRetraining;
import org.synapseworkbench.workflow.TinyCleftModel;

/** Retraining on a painted correction from the Review tab, in a real window, with a tiny model. */
@ExtendWith(ApplicationExtension.class)
class RetrainSectionTest {
    @TempDir
    static Path dir;
    private WorkbenchWindow window;
    private ReviewPanel review;
    private PredictionPanel prediction;
    private RetrainSection section;

    @Start
    void start(Stage stage) throws Exception {
        Path data = dir.resolve("data");
        TinyCleftModel.writeVolume(data);
        Config config = TinyCleftModel.config(data, dir.resolve("out"), 2);
        assertEquals(TrainingEnd.Reason.FINISHED, new TrainingRun(config, TrainingRun.Options.defaults()).run().reason());
        window = new WorkbenchWindow(Hdf5Volume.open(data.resolve("tiny-image.h5"), null));
        window.addLayer(new LabelLayer("clefts", Hdf5Volume.open(data.resolve("tiny-clefts.h5"), null), LayerKind.CLEFTS));
        window.state().configProperty().set(config);
        prediction = new PredictionPanel(window, Path.of(""));
        review = new ReviewPanel(window, dir.resolve("journals"));
        section = new RetrainSection(window.state(), review.painter());
        review.addSection(section.node());
        window.addPanel("Predict", prediction.node());
        window.addPanel("Review", review.node());
        window.showPanel("Review");
        stage.setScene(window.scene());
        stage.show();
    }

    private Point2D screen(int row, int col) {
        AtomicReference<Point2D> p = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> p.set(window.slice().localToScreen(window.slice().centreOf(row, col))));
        return p.get();
    }

    @Test
    void paintsACleftRetrainsAndShowsTheScoresBeforeAndAfter(FxRobot robot) throws Exception {
        robot.interact(section::start);
        assertTrue(section.status().getText().startsWith("Choose the labels to correct"), section.status().getText());

        robot.interact(() -> review.painter().paint("clefts", LabelPainter.Mode.ID, 99, 2));
        robot.drag(screen(40, 30), MouseButton.PRIMARY).dropTo(screen(40, 60));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(99, review.painter().labels().read(new int[] {0, 40, 45}, new int[] {1, 1, 1}).getLong(0), "painted");
        Path before = Path.of(window.state().checkpointProperty().get());
        assertEquals(TrainingRun.checkpointName(2), before.getFileName().toString());

        robot.interact(() -> {
            section.iterations().getValueFactory().setValue(2);
            section.start();
        });
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !section.scores().getItems().isEmpty());
        // the new prediction's instances follow in the Predict tab
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.slice().layers().stream()
                .anyMatch(l -> l.name().equals("predicted clefts")));
        WaitForAsyncUtils.waitForFxEvents();

        List<CorrectionsRetraining.Comparison> rows = section.scores().getItems();
        assertEquals("CREMI score (nm, lower is better)", rows.get(0).metric());
        assertTrue(rows.stream().allMatch(r -> !r.before().equals("-") && !r.after().equals("-")), "every metric both times");
        assertTrue(section.status().getText().startsWith("Fine-tuned 2 iterations"), section.status().getText());
        Path after = Path.of(window.state().checkpointProperty().get());
        assertFalse(after.equals(before), "the Predict tab now holds the new checkpoint");
        assertEquals(TrainingRun.checkpointName(2), after.getFileName().toString());
        assertTrue(after.getParent().getFileName().toString().startsWith("corrections-"), after.toString());
        assertTrue(window.slice().layers().stream().anyMatch(l -> l.name().equals("cleft probability")));
    }
}
