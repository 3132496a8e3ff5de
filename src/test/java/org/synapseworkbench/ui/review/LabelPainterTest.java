package org.synapseworkbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.proofread.EditedLabels;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.WorkbenchWindowTest;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.InMemoryVolume;

/** Painting a missed synapse's pre side in a real window, undoing and redoing it, saving it, and finding it again. */
@ExtendWith(ApplicationExtension.class)
class LabelPainterTest {
    @TempDir
    static Path journals;
    @TempDir
    Path dir;
    private WorkbenchWindow window;
    private ReviewPanel panel;
    private InMemoryVolume polarity;

    @Start
    void start(Stage stage) {
        window = new WorkbenchWindow(WorkbenchWindowTest.ramp());
        polarity = new InMemoryVolume("polarity", Block.zeros(DataType.UINT64, 5, 20, 30), new double[] {40, 4, 4});
        window.addLayer(new LabelLayer("polarity", polarity, LayerKind.POLARITY));
        panel = new ReviewPanel(window, journals);
        window.addPanel("Review", panel.node());
        stage.setScene(window.scene());
        stage.show();
    }

    private long at(int z, int y, int x) {
        return panel.painter().labels().read(new int[] {z, y, x}, new int[] {1, 1, 1}).getLong(0);
    }

    private Point2D screen(int row, int col) {
        AtomicReference<Point2D> p = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> p.set(window.slice().localToScreen(window.slice().centreOf(row, col))));
        return p.get();
    }

    @Test
    void theLabelsChooserOffersTheNewestLabelsAndKeepsAChoiceMade(FxRobot robot) {
        javafx.scene.control.ComboBox<String> labels = robot.lookup("#paint-labels").queryComboBox();
        assertEquals("polarity", labels.getValue(), "filled before it is opened");
        InMemoryVolume ids = new InMemoryVolume("ids", Block.zeros(DataType.UINT64, 5, 20, 30), new double[] {40, 4, 4});
        robot.interact(() -> window.addLayer(new LabelLayer("predicted synapses", ids, LayerKind.POLARITY,
                LabelLayer.RED, LabelLayer.Origin.PREDICTED)));
        assertEquals("predicted synapses", labels.getValue(), "a new prediction is what a person corrects next");
        robot.interact(() -> labels.setValue("polarity"));
        robot.interact(() -> window.addLayer(new LabelLayer("more", ids, LayerKind.INSTANCES)));
        assertEquals("polarity", labels.getValue(), "a choice made stays");
    }

    @Test
    void paintUndoRedoSaveAndReopen(FxRobot robot) throws Exception {
        robot.interact(() -> panel.painter().paint("polarity", LabelPainter.Mode.PRE, 1, 1));
        assertTrue(panel.painter().labels() != null, panel.painter().status().getText());
        robot.drag(screen(5, 5), MouseButton.PRIMARY).dropTo(screen(5, 12));
        WaitForAsyncUtils.waitForFxEvents();
        for (int x = 5; x <= 12; x++) {
            assertEquals(1, at(0, 5, x), "pre of synapse 1 along the stroke at x " + x);
        }
        assertEquals(1, at(0, 4, 8), "the brush's radius of one voxel");
        assertEquals(0, at(0, 3, 8));
        assertEquals(0, at(1, 5, 8), "one section deep");
        int grey = 3 * 5 + 8;
        assertEquals(LabelLayer.mix(WorkbenchWindowTest.grey(grey), LabelLayer.mix(LabelLayer.MAGENTA, 0xFFFFFF,
                LabelLayer.EDIT_LIGHTER), LabelLayer.EDIT_OPACITY), WorkbenchWindowTest.pixel(window.slice(), 8, 5),
                "drawn as a correction: a lighter magenta, solid");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, at(0, 5, 8), "the whole stroke undone");
        assertEquals(0, at(0, 5, 12));
        assertEquals(WorkbenchWindowTest.grey(grey), WorkbenchWindowTest.pixel(window.slice(), 8, 5), "and gone from the screen");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, at(0, 5, 12), "redone");

        Path out = dir.resolve("corrected.h5");
        var saving = WaitForAsyncUtils.asyncFx(() -> panel.painter().save(out)).get();
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(saving::isDone).get());
        try (Hdf5Volume saved = Hdf5Volume.open(out, Cremi.POLARITY)) {
            assertEquals(1, saved.read(new int[] {0, 5, 8}, new int[] {1, 1, 1}).getLong(0));
            assertEquals(0, saved.read(new int[] {0, 3, 8}, new int[] {1, 1, 1}).getLong(0));
        }
        // as after a crash: the journal alone brings the stroke back over the original labels
        EditedLabels again = EditedLabels.open(polarity, journals.resolve(LabelPainter.journalName(polarity))).labels();
        assertEquals(1, again.read(new int[] {0, 5, 8}, new int[] {1, 1, 1}).getLong(0));
        again.journal().close();
    }
}
