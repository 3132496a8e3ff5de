package org.synapseworkbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.WorkbenchWindowTest;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** Whole-synapse edits in a real window: take an id by key, merge, undo, delete, split a piece off, a new id. */
@ExtendWith(ApplicationExtension.class)
class InstanceToolsTest {
    @TempDir
    static Path journals;
    private WorkbenchWindow window;
    private ReviewPanel panel;

    /**
     * Section 0 of the ramp's shape: synapse 1 (pre row y 5, post row y 6, x 5..7) plus a loose piece of it at
     * (15, 5) pre / (16, 5) post; synapse 2 (pre y 5, post y 6, x 20..22).
     */
    @Start
    void start(Stage stage) {
        window = new WorkbenchWindow(WorkbenchWindowTest.ramp());
        Block ids = Block.zeros(DataType.UINT64, 5, 20, 30);
        for (int x = 5; x <= 7; x++) {
            ids.setLong(5 * 30 + x, 1);
            ids.setLong(6 * 30 + x, 2);
            ids.setLong(5 * 30 + x + 15, 3);
            ids.setLong(6 * 30 + x + 15, 4);
        }
        ids.setLong(15 * 30 + 5, 1);
        ids.setLong(16 * 30 + 5, 2);
        window.addLayer(new LabelLayer("polarity", new InMemoryVolume("polarity", ids, new double[] {40, 4, 4}),
                LayerKind.POLARITY));
        Block clefts = Block.zeros(DataType.UINT64, 5, 20, 30); // CREMI's layout: cleft 7 at y 10, x 3..5, no-cleft around
        clefts.fill(Cremi.NO_CLEFT);
        for (int x = 3; x <= 5; x++) {
            clefts.setLong(10 * 30 + x, 7);
        }
        clefts.setLong(12 * 30 + 12, Cremi.IGNORE);
        window.addLayer(new LabelLayer("clefts", new InMemoryVolume("clefts", clefts, new double[] {40, 4, 4}),
                LayerKind.CLEFTS));
        panel = new ReviewPanel(window, journals);
        window.addPanel("Review", panel.node());
        stage.setScene(window.scene());
        stage.show();
    }

    private long at(int y, int x) {
        return panel.painter().labels().read(new int[] {0, y, x}, new int[] {1, 1, 1}).getLong(0);
    }

    private Point2D screen(int row, int col) {
        AtomicReference<Point2D> p = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> p.set(window.slice().localToScreen(window.slice().centreOf(row, col))));
        return p.get();
    }

    private void act(FxRobot robot, int y, int x, Action action) {
        robot.interact(() -> panel.tools().at(new int[] {0, y, x}, action));
    }

    private String status() {
        return panel.painter().status().getText();
    }

    @Test
    void pickMergeUndoDeleteSplitAndNewId(FxRobot robot) throws Exception {
        robot.interact(() -> panel.painter().paint("polarity", LabelPainter.Mode.ID, 9, 1));
        robot.moveTo(screen(6, 21));
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Painting the post side of synapse 2.", status(), "I under the mouse takes its side and synapse");

        act(robot, 5, 20, Action.MERGE_INSTANCES);
        assertTrue(status().startsWith("Merging into synapse 2"), status());
        act(robot, 6, 6, Action.MERGE_INSTANCES);
        assertTrue(status().startsWith("Merged 6 voxels"), status());
        assertEquals(3, at(5, 6), "pre of synapse 1 became pre of 2");
        assertEquals(4, at(6, 6), "post became post");
        assertEquals(1, at(15, 5), "the loose piece of synapse 1 is not connected to the piece merged");
        robot.interact(() -> window.slice().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, at(5, 6), "the merge is one undo step");
        assertEquals(2, at(6, 6));

        act(robot, 5, 21, Action.DELETE_INSTANCE);
        assertTrue(status().startsWith("Deleted synapse 2"), status());
        for (int x = 20; x <= 22; x++) {
            assertEquals(0, at(5, x), "pre of 2 deleted");
            assertEquals(0, at(6, x), "and its post");
        }
        // the largest id is now 2, so the loose piece of synapse 1 becomes new synapse 2 (ids 3 and 4)
        act(robot, 16, 5, Action.SPLIT_INSTANCE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status().startsWith("Split"));
        assertEquals("Split 2 voxels at (z 0, y 16, x 5) off to new synapse 2.", status());
        assertEquals(3, at(15, 5));
        assertEquals(4, at(16, 5));
        assertEquals(1, at(5, 5), "the rest of synapse 1 stays");
        robot.interact(() -> robot.lookup("#labels-new-id").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status().startsWith("Painting the pre side of new"));
        assertEquals("Painting the pre side of new synapse 3, which no instance has yet.", status());
        act(robot, 10, 10, Action.DELETE_INSTANCE);
        assertEquals("There is no instance at (z 0, y 10, x 10).", status());
    }

    @Test
    void wrongPolarityIsSwappedInOneStepAndUndoneInOne(FxRobot robot) {
        robot.interact(() -> {
            panel.painter().paint("polarity", LabelPainter.Mode.ID, 9, 1);
            while (panel.painter().labels().undo()) { // the journal brings back the edits of the tests before
                continue;
            }
        });
        act(robot, 5, 21, Action.SWAP_POLARITY);
        assertEquals("Swapped pre and post of synapse 2 at (z 0, y 5, x 21): 3 and 3 voxels.", status());
        for (int x = 20; x <= 22; x++) {
            assertEquals(4, at(5, x), "pre became post");
            assertEquals(3, at(6, x), "post became pre");
        }
        assertEquals(1, at(5, 5), "synapse 1 is left alone");
        robot.interact(() -> panel.history().undo());
        assertEquals(3, at(5, 21), "one undo takes the whole swap back");
        assertEquals(4, at(6, 21));
        robot.interact(() -> {
            panel.painter().paint("clefts", LabelPainter.Mode.ID, 9, 1);
            while (panel.painter().labels().undo()) {
                continue;
            }
        });
        act(robot, 10, 4, Action.SWAP_POLARITY);
        assertTrue(status().startsWith("Swapping pre and post needs polarity labels"), status());
    }

    @Test
    void cremiCleftsAreDeletedToTheirNoCleftBackground(FxRobot robot) {
        robot.interact(() -> panel.painter().paint("clefts", LabelPainter.Mode.ID, 9, 1));
        act(robot, 10, 4, Action.DELETE_INSTANCE);
        assertEquals("Deleted instance 7 at (z 0, y 10, x 4): 3 voxels.", status());
        for (int x = 3; x <= 5; x++) {
            assertEquals(Cremi.NO_CLEFT, at(10, x), "erased to no-cleft, as the file's background");
        }
        act(robot, 0, 0, Action.DELETE_INSTANCE);
        assertEquals("There is no instance at (z 0, y 0, x 0).", status(), "no-cleft is no instance");
        act(robot, 12, 12, Action.MERGE_INSTANCES);
        assertEquals("There is no instance at (z 0, y 12, x 12).", status(), "nor is ignore");
    }
}
