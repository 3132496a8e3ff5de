package org.synapseworkbench.ui.bench;

import static org.synapseworkbench.ui.bench.ViewerBenchmark.callFx;
import static org.synapseworkbench.ui.bench.ViewerBenchmark.max;
import static org.synapseworkbench.ui.bench.ViewerBenchmark.median;
import static org.synapseworkbench.ui.bench.ViewerBenchmark.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.synapseworkbench.ui.review.ReviewPanel;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;

/**
 * The viewer benchmark's part for the Review tab: a queue of 10,000 items in its table and in its gallery, scrolled as
 * a mouse wheel does, with the styling and layout per pulse and the waits of the JavaFX thread meanwhile.
 */
final class ReviewBenchmark {
    private final WorkbenchWindow window;
    private final int sections;
    private final int size;
    private final boolean details;

    private ReviewBenchmark(WorkbenchWindow window, int sections, int size, boolean details) {
        this.window = window;
        this.sections = sections;
        this.size = size;
        this.details = details;
    }

    /** Measures the table, then the gallery, in {@code window} over a volume of {@code sections} x size x size. */
    static void run(WorkbenchWindow window, int sections, int size, boolean details) throws Exception {
        new ReviewBenchmark(window, sections, size, details).reviewTable();
    }

    /**
     * The Review tab's table with 10,000 rows, scrolled 3 rows every 16 ms as a mouse wheel does for 300 steps: the
     * styling and layout in each pulse meanwhile (the rows that come into view), the longest wait of a task posted
     * to the JavaFX thread every 5 ms, and sorting the rows by score.
     */
    private void reviewTable() throws Exception {
        Path journals = Files.createTempDirectory("viewer-benchmark-journals");
        java.util.Random random = new java.util.Random(5);
        List<org.synapseworkbench.proofread.ReviewQueue.Item> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int[] at = {random.nextInt(sections), random.nextInt(size), random.nextInt(size)};
            items.add(new org.synapseworkbench.proofread.ReviewQueue.Item(i % 3 == 0
                    ? org.synapseworkbench.proofread.ReviewQueue.Kind.MISS_CANDIDATE
                    : org.synapseworkbench.proofread.ReviewQueue.Kind.DETECTION, i + 1, at, at, at,
                    random.nextInt(5000), random.nextInt(2500), random.nextInt(2500), random.nextDouble(),
                    random.nextDouble(), random.nextDouble() * 100));
        }
        AtomicReference<ReviewPanel> panel = new AtomicReference<>();
        onFx(() -> {
            ReviewPanel p = new ReviewPanel(window, journals);
            window.addPanel("Review", p.node());
            window.showPanel("Review");
            panel.set(p);
        });
        Thread.sleep(1000); // the empty tab styled, laid out and drawn
        long[] filled = new long[3];
        Runnable layoutStart = () -> filled[1] = filled[1] == 0 ? System.nanoTime() : filled[1];
        Runnable layoutEnd = () -> filled[2] = filled[1] != 0 && filled[2] == 0 ? System.nanoTime() : filled[2];
        onFx(() -> {
            window.scene().addPreLayoutPulseListener(layoutStart);
            window.scene().addPostLayoutPulseListener(layoutEnd);
            long t0 = System.nanoTime();
            panel.get().setQueue(new org.synapseworkbench.proofread.ReviewQueue(items), null);
            filled[0] = System.nanoTime() - t0;
        });
        Thread.sleep(1000);
        onFx(() -> {
            window.scene().removePreLayoutPulseListener(layoutStart);
            window.scene().removePostLayoutPulseListener(layoutEnd);
        });
        Scrolled scrolled = scroll(() -> ((javafx.scene.control.skin.VirtualFlow<?>) panel.get().table()
                .lookup(".virtual-flow")).scrollPixels(3 * 24));
        double sort = callFx(() -> {
            long t0 = System.nanoTime();
            TableView<Integer> t = panel.get().table();
            TableColumn<Integer, ?> score = t.getColumns().get(11);
            score.setSortType(TableColumn.SortType.DESCENDING);
            t.getSortOrder().setAll(List.of(score));
            t.applyCss();
            t.layout();
            return (System.nanoTime() - t0) / 1e6;
        });
        System.out.printf(Locale.ROOT, "Review table: %d rows put in it in %.1f ms, then styled and laid out in %.1f ms%n",
                items.size(), filled[0] / 1e6, (filled[2] - filled[1]) / 1e6);
        System.out.printf(Locale.ROOT, "Review table of %d rows, scrolled 3 rows every 16 ms for 300 steps: styling "
                + "and layout per pulse (%d pulses) median %.2f ms, max %.1f ms; longest wait of a task meanwhile %.1f ms; "
                + "sorting by score %.1f ms%n", items.size(), scrolled.pulses().size(), median(scrolled.pulses()),
                max(scrolled.pulses()), max(scrolled.waits()), sort);
        gallery(panel.get(), items.size());
    }

    /**
     * The same 10,000 items as a gallery in place of the planes: the time until the first screen of tiles is
     * drawn, then a row of tiles scrolled every 16 ms for 300 steps: styling and layout per pulse, the longest
     * wait of a task, and how many tiles were drawn (only those that came on screen should be).
     */
    private void gallery(ReviewPanel panel, int items) throws Exception {
        long t0 = System.nanoTime();
        onFx(() -> panel.showGallery(true));
        long last = t0;
        int first = 0;
        while (System.nanoTime() - last < 300_000_000L && System.nanoTime() - t0 < 20_000_000_000L) {
            Thread.sleep(2);
            int now = panel.gallery().composed();
            if (now != first) { // the time of the last tile drawn, once none came for 300 ms
                first = now;
                last = System.nanoTime();
            }
        }
        double firstScreen = (last - t0) / 1e6;
        int onScreen = callFx(() -> panel.gallery().grid().lookupAll(".grid-cell").size());
        Scrolled scrolled = scroll(() -> ((javafx.scene.control.skin.VirtualFlow<?>) panel.gallery().grid()
                .lookup(".virtual-flow")).scrollPixels(panel.gallery().grid().getCellHeight() + 4));
        Thread.sleep(500);
        int drawn = panel.gallery().composed() - first;
        onFx(() -> panel.showGallery(false));
        System.out.printf(Locale.ROOT, "Review gallery of %d items: first screen (%d tiles of %d cells) drawn in %.0f ms; "
                + "scrolled a row every 16 ms for 300 steps: styling and layout per pulse (%d pulses) median %.2f ms, "
                + "max %.1f ms; longest wait of a task meanwhile %.1f ms; %d tiles drawn (%.1f per step)%n", items, first,
                onScreen, firstScreen, scrolled.pulses().size(), median(scrolled.pulses()), max(scrolled.pulses()),
                max(scrolled.waits()), drawn, drawn / 300.0);
    }

    /** Styling and layout per pulse, and the waits of tasks posted every 5 ms, while scrolling. */
    private record Scrolled(List<Double> pulses, List<Double> waits) {
    }

    /** Runs {@code step} on the JavaFX thread every 16 ms, 300 times, as a mouse wheel scrolls. */
    private Scrolled scroll(Runnable step) throws Exception {
        AtomicBoolean scrolling = new AtomicBoolean(true);
        List<Double> pulses = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread probe = new Thread(() -> {
            while (scrolling.get()) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                try {
                    ran.await();
                    waits.add((System.nanoTime() - posted) / 1e6);
                    if (details && waits.get(waits.size() - 1) > 50) {
                        System.out.printf(Locale.ROOT, "  wait %.0f ms at probe %d of the scrolling, %d pulses in%n",
                                waits.get(waits.size() - 1), waits.size(), pulses.size());
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "probe");
        probe.start();
        // the scene's styling and layout in each pulse while scrolling: from before CSS to after layout
        long[] pre = {0};
        Runnable before = () -> pre[0] = System.nanoTime();
        Runnable after = () -> pulses.add((System.nanoTime() - pre[0]) / 1e6);
        onFx(() -> {
            window.scene().addPreLayoutPulseListener(before);
            window.scene().addPostLayoutPulseListener(after);
        });
        for (int k = 0; k < 300; k++) {
            onFx(step);
            Thread.sleep(16);
        }
        onFx(() -> {
            window.scene().removePreLayoutPulseListener(before);
            window.scene().removePostLayoutPulseListener(after);
        });
        scrolling.set(false);
        probe.join();
        return new Scrolled(new ArrayList<>(pulses), new ArrayList<>(waits));
    }
}
