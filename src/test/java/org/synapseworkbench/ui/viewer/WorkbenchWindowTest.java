package org.synapseworkbench.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** A real window (Monocle headless in CI): sections change by keys and the drawn pixels are the volume's. */
@ExtendWith(ApplicationExtension.class)
public class WorkbenchWindowTest {
    private WorkbenchWindow window;

    /** Voxel (z, y, x) = 40 z + 3 y + x: every section and position has its own grey. */
    public static InMemoryVolume ramp() {
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

    /** Labels of the ramp's shape: cleft id 7 at (1, 4, 5); polarity pre id 3 at (1, 6, 8), post id 4 at (1, 6, 9). */
    static InMemoryVolume labels(long[] ids) {
        return new InMemoryVolume("labels", Block.wrap(DataType.UINT64, ids, 5, 20, 30), new double[] {40, 4, 4});
    }

    @Start
    void start(Stage stage) {
        window = new WorkbenchWindow(ramp());
        long[] clefts = new long[5 * 20 * 30];
        java.util.Arrays.fill(clefts, org.synapseworkbench.volume.Cremi.NO_CLEFT);
        clefts[(1 * 20 + 4) * 30 + 5] = 7;
        long[] polarity = new long[5 * 20 * 30];
        polarity[(1 * 20 + 6) * 30 + 8] = 3;
        polarity[(1 * 20 + 6) * 30 + 9] = 4;
        window.addLayer(new LabelLayer("clefts", labels(clefts), LayerKind.CLEFTS));
        window.addLayer(new LabelLayer("polarity", labels(polarity), LayerKind.POLARITY));
        stage.setScene(window.scene());
        stage.show();
    }

    @Test
    void cleftsAreRedPreMagentaPostCyanAndNumberKeysHideThem(FxRobot robot) {
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        int cleftGrey = 40 + 3 * 4 + 5;
        assertEquals(LabelLayer.mix(grey(cleftGrey), LabelLayer.RED, 0.5), pixel(5, 4));
        assertEquals(LabelLayer.mix(grey(40 + 18 + 8), LabelLayer.MAGENTA, 0.5), pixel(8, 6));
        assertEquals(LabelLayer.mix(grey(40 + 18 + 9), LabelLayer.CYAN, 0.5), pixel(9, 6));
        assertEquals(grey(40 + 18 + 10), pixel(10, 6), "no label, no colour");
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(grey(cleftGrey), pixel(5, 4), "clefts hidden by key 1");
        assertEquals(LabelLayer.mix(grey(40 + 18 + 8), LabelLayer.MAGENTA, 0.5), pixel(8, 6), "polarity still shown");
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LabelLayer.mix(grey(cleftGrey), LabelLayer.RED, 0.5), pixel(5, 4), "clefts shown again");
        assertEquals(grey(40 + 18 + 8), pixel(8, 6), "polarity hidden by key 2");
    }

    @Test
    void layerRowsFollowTheLayersAndKeepTheirControls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> layerBoxes(robot).size() == 2);
        javafx.scene.control.CheckBox polarityRow = layerBoxes(robot).get(1);
        assertEquals("2  polarity", polarityRow.getText());
        LabelLayer clefts = window.slice().layers().get(0);
        robot.interact(() -> {
            window.removeLayer(clefts);
            window.addLayer(new LabelLayer("more", labels(new long[5 * 20 * 30]), LayerKind.INSTANCES));
        });
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> layerBoxes(robot).size() == 2 && layerBoxes(robot).get(1).getText().equals("2  more"));
        assertTrue(layerBoxes(robot).get(0) == polarityRow, "the polarity row is kept, not made again");
        assertEquals("1  polarity", polarityRow.getText());
        robot.interact(() -> polarityRow.setSelected(false));
        assertEquals(false, window.slice().layers().get(0).visibleProperty().get(), "the kept row still drives its layer");
    }

    /** The layer rows' check boxes (not the outline ones), top to bottom. */
    private static java.util.List<javafx.scene.control.CheckBox> layerBoxes(FxRobot robot) {
        return robot.lookup(".check-box").queryAllAs(javafx.scene.control.CheckBox.class).stream()
                .filter(b -> !b.getText().equals("outline") && b.getText().matches("\\d  .*"))
                .sorted(java.util.Comparator.comparingDouble(b -> b.localToScene(0, 0).getY())).toList();
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
        assertTrue(window.status().getText().startsWith("z 2 of 0 to 4"), window.status().getText());
        robot.type(KeyCode.PAGE_UP, 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.slice().zProperty().get(), "stops at the first section");
        robot.type(KeyCode.PAGE_DOWN, 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, window.slice().zProperty().get(), "stops at the last section");
        assertEquals(grey(160 + 3 * 19 + 29), pixel(29, 19));
    }

    @Test
    void aJumpPutsTheCrosshairsThroughTheRingedItem(FxRobot robot) {
        robot.interact(() -> window.goTo(new int[] {3, 12, 20}, new int[] {3, 10, 18}, new int[] {3, 14, 22}));
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {12, 20}, window.slice().crosshair(), "the section's crosshair: y, x");
        assertArrayEquals(new int[] {3, 20}, window.xz().crosshair(), "the xz plane's: z, x");
        assertArrayEquals(new int[] {3, 12}, window.yz().crosshair(), "the yz plane's: z, y");
    }

    @Test
    void theCursorLineNamesTheVoxelItsPositionAndEveryValueUnderIt(FxRobot robot) {
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(window.slice().localToScreen(window.slice().centreOf(6, 8)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("z 1  y 6  x 8  (40, 24, 32 nm)  image " + (40 + 18 + 8) + "  clefts -  polarity 3", window.cursor().getText());
        robot.moveTo(window.slice().localToScreen(window.slice().centreOf(4, 5)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("z 1  y 4  x 5  (40, 16, 20 nm)  image " + (40 + 12 + 5) + "  clefts 7  polarity -", window.cursor().getText());
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("z 2  y 4  x 5  (80, 16, 20 nm)  image " + (80 + 12 + 5) + "  clefts -  polarity -", window.cursor().getText(),
                "the line follows the section under a still mouse");

        // room for two lines whatever it says: long lines wrap rather than lose their last values, the views stay still
        double height = window.cursor().getHeight();
        assertTrue(window.cursor().isWrapText() && height >= 2 * window.cursor().getFont().getSize(), "height " + height);
        robot.moveTo(window.slice().localToScreen(-5, -5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", window.cursor().getText());
        assertEquals(height, window.cursor().getHeight(), 1e-9);
    }

    @Test
    void zoomKeepsTheVoxelUnderTheMouseDragMovesTheImageAndFitRestores(FxRobot robot) {
        SliceView slice = window.slice();
        double fitted = slice.scale();
        robot.moveTo(slice.localToScreen(slice.centreOf(6, 8)));
        robot.press(KeyCode.CONTROL).scroll(2, javafx.geometry.VerticalDirection.UP).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // the robot's wheel direction depends on the platform: two steps zoom by 1.25 (in) or 0.8 (out) each
        double ratio = slice.scale() / fitted;
        assertTrue(Math.abs(ratio - 1.5625) < 1e-6 || Math.abs(ratio - 0.64) < 1e-6, "zoom ratio " + ratio);
        assertTrue(window.cursor().getText().startsWith("z 0  y 6  x 8 "), window.cursor().getText());
        // drag the image 3 voxels to the right: the voxel moves with the mouse, and where it was is now x 5
        javafx.geometry.Point2D start = slice.localToScreen(slice.centreOf(6, 8));
        robot.drag(start, javafx.scene.input.MouseButton.PRIMARY).moveBy(3 * slice.scale(), 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.cursor().getText().startsWith("z 0  y 6  x 8 "), window.cursor().getText());
        robot.moveTo(start);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.cursor().getText().startsWith("z 0  y 6  x 5 "), window.cursor().getText());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, slice.scale(), 1e-6, "Ctrl+0: one voxel per screen pixel");
        assertEquals(2, slice.layers().stream().filter(l -> l.visibleProperty().get()).count(), "Ctrl+0 toggles no layer");
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted, slice.scale(), 1e-6, "F fits the section again");
    }

    @Test
    void autoContrastStretchesTheSectionsPercentilesAndTheViewTabSetsOpacity(FxRobot robot) throws Exception {
        assertEquals(grey(3 * 7 + 11), pixel(11, 7));
        robot.type(KeyCode.A);
        // section 0 holds 3y + x: its 0.35 and 99.65 percentiles of 600 values (ranks 2 and 597) are 2 and 84
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> window.view().windowLabel().getText().startsWith("black 2.000, white 84.00"));
        assertEquals(grey((int) Math.round((32 - 2) / 82.0 * 255)), pixel(11, 7));
        assertEquals(grey(0), pixel(1, 0), "below the window: black");
        assertEquals(grey(255), pixel(29, 19), "above it: white");
        robot.type(KeyCode.PAGE_DOWN);
        LabelLayer clefts = window.slice().layers().get(0);
        javafx.scene.control.Slider opacity = robot.lookup(".slider").match(n -> n instanceof javafx.scene.control.Slider s
                && s.getTooltip() != null && s.getTooltip().getText().equals("Opacity of clefts")).query();
        robot.interact(() -> opacity.setValue(1));
        assertEquals(1.0, clefts.opacityProperty().get());
        assertEquals(0xFFFF0000, pixel(5, 4), "an opaque cleft is pure red");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<LayerKind> colours = robot.lookup(".choice-box").query();
        robot.interact(() -> colours.setValue(LayerKind.INSTANCES));
        assertEquals(0xFF000000 | LabelLayer.instanceColour(7), pixel(5, 4), "cleft 7 in its instance colour");
    }

    @Test
    void aClickPicksTheXzAndYzPlanesWhichShowTheVoxelsAndLabelsThere(FxRobot robot) throws Exception {
        robot.type(KeyCode.PAGE_DOWN);
        SliceView xy = window.slice();
        robot.clickOn(xy.localToScreen(xy.centreOf(6, 8)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, xy.zProperty().get(), "a click keeps the section");
        assertEquals(6, window.xz().zProperty().get(), "the xz plane through y 6");
        assertEquals(8, window.yz().zProperty().get(), "the yz plane through x 8");
        // xz rows are z, columns x; yz rows are z, columns y; the pre voxel (1, 6, 8) is magenta in both
        assertEquals(LabelLayer.mix(grey(40 + 18 + 8), LabelLayer.MAGENTA, 0.5), pixel(window.xz(), 8, 1));
        assertEquals(grey(80 + 18 + 3), pixel(window.xz(), 3, 2));
        assertEquals(LabelLayer.mix(grey(40 + 18 + 8), LabelLayer.MAGENTA, 0.5), pixel(window.yz(), 6, 1));
        assertEquals(grey(160 + 3 * 10 + 8), pixel(window.yz(), 10, 4));
        // a click in the xz plane at (z 3, x 2) moves the section and the yz plane
        SliceView xz = window.xz();
        robot.clickOn(xz.localToScreen(xz.centreOf(3, 2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, xy.zProperty().get());
        assertEquals(2, window.yz().zProperty().get());
        assertEquals(grey(120 + 3 * 7 + 11), pixel(11, 7), "the section follows");
    }

    /** Reads a pixel once the last requested frame is on screen (sections are drawn on a render thread). */
    private int pixel(int x, int y) {
        return pixel(window.slice(), x, y);
    }

    /** A pixel (column, row) of a plane view's frame, once drawn. */
    public static int pixel(SliceView view, int x, int y) {
        WaitForAsyncUtils.waitForFxEvents(); // key events handled, so the frame they ask for is requested
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, view::upToDate);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the plane was not drawn within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = view.imageProperty().get();
        return image.getPixelReader().getArgb(x, y);
    }

    public static int grey(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }
}
