package org.synapseworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A real window (Monocle headless in CI): sections change by keys and the drawn pixels are the volume's. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    private WorkbenchWindow window;

    /** Voxel (z, y, x) = 40 z + 3 y + x: every section and position has its own grey. */
    static InMemoryVolume ramp() {
        byte[] v = new byte[5 * 20 * 30];
        for (int z = 0; z < 5; z++) {
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 30; x++) {
                    v[(z * 20 + y) * 30 + x] = (byte) (40 * z + 3 * y + x);
                }
            }
        }
        return new InMemoryVolume("ramp", Block.wrap(DataType.UINT8, v, 5, 20, 30), new double[] {40, 4, 4});
    }

    @Start
    void start(Stage stage) {
        window = new WorkbenchWindow(ramp());
        stage.setScene(window.scene());
        stage.show();
    }

    @Test
    void pageKeysAndArrowsMoveThroughSectionsAndThePixelsFollow(FxRobot robot) {
        assertEquals(0, window.slice().zProperty().get());
        assertEquals(grey(3 * 7 + 11), pixel(11, 7));
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, window.slice().zProperty().get());
        assertEquals(grey(80 + 3 * 7 + 11), pixel(11, 7));
        assertTrue(window.status().getText().startsWith("section 3 of 5"), window.status().getText());
        robot.type(KeyCode.PAGE_UP, 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.slice().zProperty().get(), "stops at the first section");
        robot.type(KeyCode.PAGE_DOWN, 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, window.slice().zProperty().get(), "stops at the last section");
        assertEquals(grey(160 + 3 * 19 + 29), pixel(29, 19));
    }

    private int pixel(int x, int y) {
        WritableImage image = window.slice().imageProperty().get();
        return image.getPixelReader().getArgb(x, y);
    }

    private static int grey(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }
}
