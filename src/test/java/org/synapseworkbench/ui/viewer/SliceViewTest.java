package org.synapseworkbench.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** A section larger than the view: frames have the screen's resolution and cover only the visible voxels. */
@ExtendWith(ApplicationExtension.class)
class SliceViewTest {
    private SliceView slice;

    static int value(int y, int x) {
        return (7 * y + 3 * x) % 251;
    }

    @Start
    void start(Stage stage) {
        byte[] v = new byte[600 * 900];
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 900; x++) {
                v[y * 900 + x] = (byte) value(y, x);
            }
        }
        slice = new SliceView();
        slice.setVolume(new InMemoryVolume("big", Block.wrap(DataType.UINT8, v, 1, 600, 900), new double[] {40, 4, 4}));
        StackPane root = new StackPane(slice);
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @Test
    void zoomedOutEveryStepthVoxelZoomedInOnlyTheVisibleOnes(FxRobot robot) throws Exception {
        WritableImage fitted = frame();
        // fitted: 0.444 pixels per voxel, so every 2.25th voxel, 400 x 267 pixels for 900 x 600 voxels
        assertEquals(400, (int) fitted.getWidth());
        assertEquals(267, (int) fitted.getHeight());
        for (int[] p : new int[][] {{0, 0}, {10, 33}, {266, 399}, {100, 200}}) {
            int y = (int) Math.floor(p[0] * 2.25 + 1e-9);
            int x = (int) Math.floor(p[1] * 2.25 + 1e-9);
            assertEquals(WorkbenchWindowTest.grey(value(y, x)), fitted.getPixelReader().getArgb(p[1], p[0]), "pixel " + p[0] + "," + p[1]);
        }
        robot.interact(slice::oneToOne);
        WritableImage one = frame();
        int[] corner = slice.voxelAt(0.5, 0.5);
        assertTrue(one.getWidth() <= 401 && one.getHeight() <= 301, "only what the 400 x 300 view shows: "
                + one.getWidth() + " x " + one.getHeight());
        assertEquals(WorkbenchWindowTest.grey(value(corner[1], corner[2])), one.getPixelReader().getArgb(0, 0));
        assertEquals(WorkbenchWindowTest.grey(value(corner[1] + 5, corner[2] + 9)), one.getPixelReader().getArgb(9, 5));
        robot.interact(() -> slice.pan(-120, -50));
        WritableImage moved = frame();
        int[] after = slice.voxelAt(0.5, 0.5);
        assertArrayEquals(new int[] {0, corner[1] + 50, corner[2] + 120}, after, "dragging left and up shows voxels further on");
        assertEquals(WorkbenchWindowTest.grey(value(after[1], after[2])), moved.getPixelReader().getArgb(0, 0));
    }

    private WritableImage frame() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> slice.upToDate() && slice.imageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return slice.imageProperty().get();
    }
}
