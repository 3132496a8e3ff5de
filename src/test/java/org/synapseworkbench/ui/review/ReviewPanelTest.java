package org.synapseworkbench.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.proofread.ReviewQueue;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.WorkbenchWindowTest;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** The review tab in a real window: search, jump through the queue by keys, decide, take a decision back. */
@ExtendWith(ApplicationExtension.class)
class ReviewPanelTest {
    private static final double[] RES = {40, 4, 4};
    private WorkbenchWindow window;
    private ReviewPanel panel;
    @TempDir
    static Path journals;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new WorkbenchWindow(WorkbenchWindowTest.ramp());
        Block p = Block.zeros(DataType.FLOAT32, 5, 20, 30);
        Block ids = Block.zeros(DataType.UINT64, 5, 20, 30);
        for (int y = 4; y <= 5; y++) { // a detection, instance 1, on section 1
            for (int x = 5; x <= 6; x++) {
                p.setDouble(p.index(1, y, x), 0.9);
                ids.setLong(ids.index(1, y, x), 1);
            }
        }
        for (int y = 12; y <= 13; y++) { // a faint region of 12 voxels on section 3, no instance: a possible miss
            for (int x = 20; x <= 25; x++) {
                p.setDouble(p.index(3, y, x), 0.3);
            }
        }
        window.addLayer(new LabelLayer("cleft probability", new InMemoryVolume("p", p, RES), LayerKind.PROBABILITY, LabelLayer.RED));
        window.addLayer(new LabelLayer("predicted clefts", new InMemoryVolume("ids", ids, RES), LayerKind.INSTANCES));
        panel = new ReviewPanel(window, journals);
        window.addPanel("Review", panel.node());
        stage.setScene(window.scene());
        stage.show();
    }

    @Test
    void aNewPredictionAndTheOpenTruthAreChosen(FxRobot robot) {
        Block zeros = Block.zeros(DataType.UINT64, 5, 20, 30);
        robot.interact(() -> {
            window.addLayer(new LabelLayer("clefts", new InMemoryVolume("t", zeros, RES), LayerKind.CLEFTS));
            window.addLayer(new LabelLayer("new probability", new InMemoryVolume("p2", Block.zeros(DataType.UINT8, 5, 20, 30),
                    RES), LayerKind.PROBABILITY, LabelLayer.RED, LabelLayer.Origin.PREDICTED));
            window.addLayer(new LabelLayer("new clefts", new InMemoryVolume("i2", zeros, RES), LayerKind.CLEFTS,
                    LabelLayer.RED, LabelLayer.Origin.PREDICTED));
        });
        assertEquals(List.of("new probability", "new clefts", "clefts"), panel.chosen(),
                "the prediction's layers, and the opened labels of its kind as the truth");
        robot.interact(() -> window.showPanel("Review"));
        javafx.scene.control.Button next = robot.lookup("#review-next-open").queryButton();
        assertTrue(next.getWidth() >= next.prefWidth(-1) - 0.5, "the button shows its whole text, not '...': "
                + next.getWidth() + " of " + next.prefWidth(-1));
    }

    @Test
    void findJumpDecideAndUndoByKeys(FxRobot robot) throws Exception {
        robot.interact(() -> panel.choose("cleft probability", "predicted clefts", null));
        robot.interact(() -> robot.lookup("#review-find").queryButton().fire());
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.queue() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no queue after 30 s: " + panel.status().getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        ReviewQueue q = panel.queue();
        assertEquals(List.of(ReviewQueue.Kind.DETECTION, ReviewQueue.Kind.MISS_CANDIDATE),
                q.items().stream().map(ReviewQueue.Item::kind).toList());
        assertEquals(2, panel.table().getItems().size());

        robot.clickOn(window.slice()); // the keys go to the viewer, and the review takes its own
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, panel.current());
        assertEquals(1, window.slice().zProperty().get(), "the detection's section");
        assertTrue(window.slice().lookup("#review-ring").isVisible(), "ringed");
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewQueue.Status.ACCEPTED, q.status(0));
        assertEquals(1, panel.current(), "accepting goes on to the next item");
        assertEquals(3, window.slice().zProperty().get(), "the possible miss's section");
        assertEquals(12, window.xz().zProperty().get(), "the xz plane through its peak row");
        robot.type(KeyCode.X);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewQueue.Status.REJECTED, q.status(1));
        assertEquals("2 of 2 reviewed: 1 accepted, 1 rejected, 0 unsure", panel.counter().getText());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewQueue.Status.TO_REVIEW, q.status(1), "Ctrl+Z took the rejection back");
        assertEquals("1 of 2 reviewed: 1 accepted, 0 rejected, 0 unsure", panel.counter().getText());
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, panel.current(), "from the first row back to the last");
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, panel.current());
        robot.press(KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, panel.current(), "Shift+N skips the accepted item to the one still to review");

        // the decisions were saved as they were made; a new search of the same instances takes them back
        robot.interact(() -> robot.lookup("#review-find").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.queue() != q);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewQueue.Status.ACCEPTED, panel.queue().status(0));
        assertEquals(ReviewQueue.Status.TO_REVIEW, panel.queue().status(1));
        assertTrue(panel.status().getText().contains("1 decision of before is back"), panel.status().getText());

        Path csv = dir.resolve("review.csv");
        q.export(csv);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).startsWith("detection,1,1,"), lines.get(1));
        assertTrue(lines.get(1).contains(",accepted,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("miss_candidate,0,3,"), lines.get(2));

        // a rejection with its reason: shown in the table, counted, taken back by one undo
        robot.interact(() -> {
            robot.lookup("#review-reason").<javafx.scene.control.ChoiceBox<ReviewQueue.Reason>>query()
                    .setValue(ReviewQueue.Reason.FALSE_DETECTION);
            panel.table().getSelectionModel().clearAndSelect(1);
            panel.decide(ReviewQueue.Status.REJECTED);
        });
        assertEquals(ReviewQueue.Reason.FALSE_DETECTION, panel.queue().reason(1));
        assertEquals("2 of 2 reviewed: 1 accepted, 1 rejected (1 false detection), 0 unsure", panel.counter().getText());
        robot.interact(() -> panel.history().undo());
        assertEquals(null, panel.queue().reason(1), "undo takes the reason back with the rejection");
    }

    @Test
    void cremiTruthListsItsCleftsOnlyAsMisses(FxRobot robot) throws Exception {
        // truth in CREMI's layout: cleft 7 under the detection, cleft 9 where nothing was found, no-cleft elsewhere
        Block truth = Block.zeros(DataType.UINT64, 5, 20, 30);
        truth.fill(Cremi.NO_CLEFT);
        for (int y = 4; y <= 5; y++) {
            for (int x = 5; x <= 6; x++) {
                truth.setLong(truth.index(1, y, x), 7);
                truth.setLong(truth.index(2, y + 10, x), 9);
            }
        }
        truth.setLong(truth.index(4, 0, 0), Cremi.IGNORE);
        robot.interact(() -> {
            window.addLayer(new LabelLayer("true clefts", new InMemoryVolume("t", truth, RES), LayerKind.CLEFTS));
            panel.choose("cleft probability", "predicted clefts", "true clefts");
            robot.lookup("#review-find").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.queue() != null);
        WaitForAsyncUtils.waitForFxEvents();
        List<ReviewQueue.Item> misses = panel.queue().items().stream()
                .filter(i -> i.kind() == ReviewQueue.Kind.TRUE_MISS).toList();
        assertEquals(List.of(9L), misses.stream().map(ReviewQueue.Item::id).toList(), "cleft 9 only, no id -1 or -2");
        assertTrue(panel.queue().items().stream().noneMatch(i -> i.kind() == ReviewQueue.Kind.FALSE_DETECTION),
                "the detection matches cleft 7");
    }

    @Test
    void theTableShowsAKindOrAStatusAndDecidedRowsLeaveATableToReview(FxRobot robot) {
        List<ReviewQueue.Item> items = new java.util.ArrayList<>();
        for (int k = 0; k < 6; k++) {
            ReviewQueue.Kind kind = k % 2 == 0 ? ReviewQueue.Kind.DETECTION : ReviewQueue.Kind.MISS_CANDIDATE;
            items.add(new ReviewQueue.Item(kind, k + 1, new int[] {1, 4, 5 + k}, new int[] {1, 4, 5 + k},
                    new int[] {1, 4, 5 + k}, 1, 0, 0, 0.5, 0.5, 6 - k));
        }
        ReviewQueue q = new ReviewQueue(items);
        robot.interact(() -> panel.setQueue(q, null));
        assertEquals(6, panel.table().getItems().size());
        robot.interact(() -> panel.show(ReviewQueue.Kind.MISS_CANDIDATE, null));
        assertEquals(List.of(1, 3, 5), List.copyOf(panel.table().getItems()), "the possible misses only");
        robot.interact(() -> {
            panel.show(null, null);
            var score = panel.table().getColumns().get(11);
            assertEquals("score", score.getText());
            score.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            panel.table().getSortOrder().setAll(List.of(score));
        });
        assertEquals(List.of(5, 4, 3, 2, 1, 0), List.copyOf(panel.table().getItems()), "by score, lowest first");
        robot.interact(() -> panel.table().getSortOrder().clear());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), List.copyOf(panel.table().getItems()), "the queue's order again");

        robot.interact(() -> {
            panel.show(null, ReviewQueue.Status.TO_REVIEW);
            panel.table().getSelectionModel().clearAndSelect(2);
            panel.decide(ReviewQueue.Status.ACCEPTED);
        });
        assertEquals(ReviewQueue.Status.ACCEPTED, q.status(2));
        assertEquals(List.of(0, 1, 3, 4, 5), List.copyOf(panel.table().getItems()), "the accepted row left");
        assertEquals(3, panel.current(), "the next row took its place and is shown");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.slice().lookup("#review-ring").isVisible(), "ringed on its section");
        robot.interact(() -> window.slice().zProperty().set(4));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.slice().lookup("#review-ring").isVisible(), "three sections away, no ring");
        robot.interact(() -> window.slice().zProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.slice().lookup("#review-ring").isVisible(), "one section beside the item's, the ring again");
        robot.clickOn(window.slice());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewQueue.Status.TO_REVIEW, q.status(2), "undone");
        assertEquals(6, panel.table().getItems().size(), "and back in the table");
    }

    @Test
    void theGalleryDrawsOnlyTheTilesOnScreenAndDecidesWithTheSameKeys(FxRobot robot) throws Exception {
        List<ReviewQueue.Item> items = new java.util.ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            int[] at = {k % 5, 10, 15};
            items.add(new ReviewQueue.Item(ReviewQueue.Kind.MISS_CANDIDATE, 0, at, at, at, 1, 0, 0, 0.3, 0.3, 1));
        }
        ReviewQueue q = new ReviewQueue(items);
        robot.interact(() -> panel.setQueue(q, null));
        robot.clickOn(window.slice());
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.planesShown(), "the gallery in place of the planes");
        ReviewGallery gallery = panel.gallery();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> gallery.composed() > 0);
        Thread.sleep(500); // the render thread draws the rest of the screen
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.Node> cells = List.copyOf(robot.lookup(".grid-cell").queryAll());
        assertTrue(gallery.composed() <= cells.size() && cells.size() < 100, gallery.composed()
                + " tiles drawn of 3000 items, " + cells.size() + " cells: only those on screen");
        int before = gallery.composed();
        robot.interact(() -> panel.table().getSelectionModel().clearAndSelect(2999));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".grid-cell").queryAll().stream()
                .anyMatch(c -> Integer.valueOf(2999).equals(((org.controlsfx.control.GridCell<?>) c).getItem())));
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(gallery.composed() - before <= cells.size(), (gallery.composed() - before)
                + " tiles drawn to show the last row, not the 2,900 between");
        robot.interact(() -> panel.table().getSelectionModel().clearAndSelect(0));
        WaitForAsyncUtils.waitForFxEvents();
        cells = List.copyOf(robot.lookup(".grid-cell").queryAll());

        @SuppressWarnings("unchecked")
        org.controlsfx.control.GridCell<Integer> first = (org.controlsfx.control.GridCell<Integer>) cells.stream()
                .filter(c -> Integer.valueOf(1).equals(((org.controlsfx.control.GridCell<?>) c).getItem())).findFirst()
                .orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> first.lookup(".image-view") instanceof javafx.scene.image.ImageView v
                && v.getImage() != null);
        javafx.scene.image.Image tile = ((javafx.scene.image.ImageView) first.lookup(".image-view")).getImage();
        assertEquals(30, (int) tile.getWidth(), "the ramp's 30 x 20 section, whole: smaller than a tile's square");
        assertEquals(WorkbenchWindowTest.grey(40 + 3 * 10 + 15), tile.getPixelReader().getArgb(15, 10),
                "item 2's centre: section 1, y 10, x 15");

        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, panel.current(), "a click chooses the tile");
        int drawn = gallery.composed();
        robot.type(KeyCode.A); // auto-contrast, a viewer key: the tiles follow the new grey mapping
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> gallery.composed() > drawn);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> first.lookup(".image-view") instanceof javafx.scene.image.ImageView v
                && v.getImage() != null && v.getImage().getPixelReader().getArgb(15, 10) != WorkbenchWindowTest.grey(85));
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewQueue.Status.ACCEPTED, q.status(1));
        assertEquals(2, panel.current(), "and goes on to the next tile");
        assertTrue(((javafx.scene.control.Label) first.lookup(".label")).getText().endsWith("accepted"));
        assertTrue(first.getStyle().contains(ReviewGallery.colour(ReviewQueue.Status.ACCEPTED)), first.getStyle());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, panel.current());
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.current() > 3, "a row further: " + panel.current());
        int chosen = panel.current();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.planesShown(), "Enter shows the item in the planes");
        assertEquals(chosen % 5, window.slice().zProperty().get(), "on its section");
    }
}
