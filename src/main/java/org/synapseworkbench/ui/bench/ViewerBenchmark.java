package org.synapseworkbench.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigDocument;
import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.ui.WorkbenchApp;
import org.synapseworkbench.ui.train.LivePreview;
import org.synapseworkbench.ui.train.TrainingPanel;
import org.synapseworkbench.ui.viewer.SliceView;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.ui.viewer.render.FrameListener;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Hdf5Volume;

/**
 * {@code benchmark viewer}: how fast the window draws and how responsive it stays. On a synthetic CREMI-layout file
 * of 1250 x 1250 sections (gzip, 8 x 128 x 128 chunks) shown with its clefts and polarity layers, it times a section
 * change until the composed frame is in the pixel buffer: cold (empty chunk cache, a new cache per trial) and warm
 * (sections read before). Then it trains the demo model in the window's training panel while paging through sections
 * (the tab shown two seconds before) and measures the longest wait of a task posted to the JavaFX thread every 5 ms;
 * with {@code --details} it says, for each wait over 50 ms, what the JavaFX thread (or the render thread it waited
 * for) was doing every 3 ms of it. Needs a display (Xvfb will do).
 * <p>
 * Longer than 400 lines on purpose: one measurement script, read top to bottom (cold, warm, strokes, jumps, the
 * window while training), with the helpers that wait for frames and sample the JavaFX thread; the Review tab's table
 * and gallery are measured by {@link ReviewBenchmark}.
 */
public final class ViewerBenchmark {
    private static final int SIZE = 1250;
    private static volatile ChunkCache lastCache;
    /** Print each timed section change with the parts of its composition. */
    private static boolean details;

    private ViewerBenchmark() {
    }

    /** Runs the benchmark and returns the exit code (1 with one line on standard error when it failed). Arguments: {@code [--sections N] [--train-seconds S] [--flip-ms M] [--folder DIR] [--details]}. */
    public static int run(String[] args) {
        WorkbenchApp.quietJavaFx();
        try {
            measure(args);
            return 0;
        } catch (Exception e) {
            System.err.println("error: the viewer benchmark failed: " + e);
            return 1;
        }
    }

    private static void measure(String[] args) throws Exception {
        int sections = 16;
        int trainSeconds = 60;
        int flipMillis = 100;
        Path folder = Path.of("outputs", "viewer-benchmark");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sections" -> sections = Integer.parseInt(args[++i]);
                case "--train-seconds" -> trainSeconds = Integer.parseInt(args[++i]);
                case "--folder" -> folder = Path.of(args[++i]);
                case "--flip-ms" -> flipMillis = Integer.parseInt(args[++i]);
                case "--details" -> details = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --sections N, --train-seconds S, --flip-ms M (0: no section changes), --folder DIR, --details");
            }
        }
        Files.createDirectories(folder);
        Path file = folder.resolve("viewer-" + sections + "x" + SIZE + "x" + SIZE + ".h5");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            System.out.printf("Writing %s (synthetic, %d x %d x %d)...%n", file, sections, SIZE, SIZE);
            SyntheticVolumeWriter.writeCremi(new SyntheticEmGenerator(SynthParams.of(new int[] {sections, SIZE, SIZE}, 7))
                    .generate(), file);
            System.out.printf("  %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        Path training = folder.resolve("training.h5");
        if (!SyntheticVolumeWriter.bothLayoutsExist(training)) {
            SyntheticVolume.write(training);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        try {
            new ViewerBenchmark.Run(file, sections, training, trainSeconds, flipMillis).run();
        } finally {
            Platform.exit();
        }
    }

    /** The training data: a small synthetic sample in both layouts. */
    private static final class SyntheticVolume {
        static void write(Path file) {
            var v = new SyntheticEmGenerator(SynthParams.of(new int[] {24, 256, 256}, 3)).generate();
            SyntheticVolumeWriter.writeCremi(v, file);
            SyntheticVolumeWriter.writePytc(v, file);
        }
    }

    private record Run(Path file, int sections, Path training, int trainSeconds, int flipMillis) {
        void run() throws Exception {
            AtomicReference<WorkbenchWindow> window = new AtomicReference<>();
            List<Hdf5Volume> open = new ArrayList<>();
            onFx(() -> {
                Stage stage = new Stage();
                Hdf5Volume[] v = openAll(open, new ChunkCache(512L << 20));
                window.set(new WorkbenchWindow(v[0]));
                addLayers(window.get(), v);
                stage.setScene(window.get().scene());
                stage.show();
            });
            SliceView slice = window.get().slice();
            waitDrawn(slice);

            // cold: a new chunk cache per trial, so every chunk of the first section is read and unpacked
            List<Double> coldFirst = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            for (int trial = 0; trial < 5; trial++) {
                AtomicLong t0 = new AtomicLong();
                AtomicLong asked = new AtomicLong();
                long shownBefore = slice.framesShown();
                onFx(() -> {
                    open.forEach(Hdf5Volume::close);
                    open.clear();
                    Hdf5Volume[] v = openAll(open, new ChunkCache(512L << 20));
                    t0.set(System.nanoTime());
                    window.get().open(v[0]);
                    addLayers(window.get(), v);
                    asked.set(System.nanoTime());
                });
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!slice.upToDate() || slice.framesShown() == shownBefore) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("a newly opened file was not drawn within 120 s");
                    }
                    LockSupport.parkNanos(200_000);
                }
                cold.add((recorder(slice).lastComplete - t0.get()) / 1e6);
                waitDrawn(window.get().xz()); // the next trial starts with nothing else being drawn
                waitDrawn(window.get().yz());
                coldFirst.add((recorder(slice).firstOfVolume - t0.get()) / 1e6);
                if (details) {
                    FrameListener.Timing t = recorder(slice).lastTiming;
                    System.out.printf(Locale.ROOT, "  cold %d: opened and asked for in %.1f ms, first frame %.1f ms, complete %.1f ms "
                            + "(last plane composed: image read %.1f, grey %.1f, labels read %.1f, blend %.1f)%n", trial,
                            (asked.get() - t0.get()) / 1e6, coldFirst.get(trial), cold.get(trial), t.imageReadMillis(),
                            t.imageMapMillis(), t.layersReadMillis(), t.layersBlendMillis());
                }
            }
            // warm: every section once to fill the cache, then three rounds timed
            for (int z = 0; z < sections; z++) {
                timeChange(slice, z);
            }
            List<Double> warm = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int z = 0; z < sections; z++) {
                    warm.add(timeChange(slice, (z * 5 + round) % sections));
                }
            }
            if (details) {
                ChunkCache c = lastCache;
                System.out.printf("cache: %d MB of %d, hits %d, misses %d; chunks %s %s%n", c.bytes() >> 20, c.maxBytes() >> 20,
                        c.hits(), c.misses(), Arrays.toString(open.get(0).chunkShape()), Arrays.toString(open.get(1).chunkShape()));
            }
            System.out.printf(Locale.ROOT, "Section change to composed frame, %d x %d image + clefts + polarity:%n", SIZE, SIZE);
            System.out.printf(Locale.ROOT, "  cold cache, a newly opened file (%d trials): first frame (the image as far as "
                    + "read) median %.1f ms, max %.1f ms; with its labels median %.1f ms, max %.1f ms%n", cold.size(),
                    median(coldFirst), max(coldFirst), median(cold), max(cold));
            System.out.printf(Locale.ROOT, "  warm cache (%d changes): median %.1f ms, 90th percentile %.1f ms, max %.1f ms%n",
                    warm.size(), median(warm), percentile(warm, 90), max(warm));
            proofreading(window.get(), slice, open.get(2));
            ReviewBenchmark.run(window.get(), sections, SIZE, details);
            if (trainSeconds > 0) {
                trainingPauses(window.get(), slice);
            }
            onFx(() -> open.forEach(Hdf5Volume::close));
        }

        /**
         * Paints into the polarity labels as the Review tab does (edits over the file, journalled, the view redrawn
         * on each) and jumps to places as the review queue does: the time from the stroke, or the jump, to its frame.
         * The views are fitted again afterwards.
         */
        private void proofreading(WorkbenchWindow window, SliceView slice, Hdf5Volume polarity) throws Exception {
            Path journal = Files.createTempFile("viewer-benchmark", ".journal");
            Files.delete(journal);
            AtomicReference<org.synapseworkbench.proofread.EditedLabels> edited = new AtomicReference<>();
            onFx(() -> {
                var e = org.synapseworkbench.proofread.EditedLabels.open(polarity, journal).labels();
                slice.layers().stream().filter(l -> l.labels() == polarity).findFirst().ifPresent(window::removeLayer);
                window.addLayer(new LabelLayer("polarity", e, LayerKind.POLARITY));
                e.addListener(box -> Platform.runLater(slice::draw));
                edited.set(e);
            });
            waitDrawn(slice);
            java.util.Random random = new java.util.Random(3);
            int[] shape = polarity.spatialShape();
            List<Double> strokes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int y = 50 + random.nextInt(shape[1] - 100);
                int x = 50 + random.nextInt(shape[2] - 100);
                AtomicLong t0 = new AtomicLong();
                long id = 2L * (i % 5) + 1;
                onFx(() -> {
                    t0.set(System.nanoTime());
                    edited.get().set("benchmark", new org.synapseworkbench.proofread.Brush(5, 1)
                            .stroke(shape, slice.zProperty().get(), new int[] {y, x, y + 3, x + 20}), id);
                });
                onFx(() -> { }); // the redraw the edit posted has been asked for
                strokes.add((waitDrawn(slice) - t0.get()) / 1e6);
                if (details) {
                    FrameListener.Timing t = recorder(slice).lastTiming;
                    System.out.printf(Locale.ROOT, "  stroke %d: %.1f ms (image read %.1f, grey %.1f, labels read %.1f, blend %.1f)%n",
                            i, strokes.get(i), t.imageReadMillis(), t.imageMapMillis(), t.layersReadMillis(), t.layersBlendMillis());
                }
            }
            List<Double> jumps = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int[] at = {random.nextInt(shape[0]), 20 + random.nextInt(shape[1] - 40), 20 + random.nextInt(shape[2] - 40)};
                AtomicLong t0 = new AtomicLong();
                onFx(() -> {
                    t0.set(System.nanoTime());
                    window.goTo(at, new int[] {at[0], at[1] - 12, at[2] - 12}, new int[] {at[0], at[1] + 12, at[2] + 12});
                });
                jumps.add((waitDrawn(slice) - t0.get()) / 1e6);
            }
            onFx(() -> {
                for (SliceView v : List.of(slice, window.xz(), window.yz())) {
                    v.setRing(null, 0, 0, 0);
                    v.fit();
                }
                edited.get().journal().close();
            });
            waitDrawn(slice);
            Files.deleteIfExists(journal);
            System.out.printf(Locale.ROOT, "Proofreading on the %d x %d section (polarity labels under edit, journalled):%n",
                    shape[1], shape[2]);
            System.out.printf(Locale.ROOT, "  brush stroke (radius 5, 20 voxels long) to its drawn frame (%d strokes): median %.1f ms, max %.1f ms%n",
                    strokes.size(), median(strokes), max(strokes));
            System.out.printf(Locale.ROOT, "  jump to an item, zoomed and ringed, to the drawn section (%d jumps, warm cache): "
                    + "median %.1f ms, max %.1f ms%n", jumps.size(), median(jumps), max(jumps));
        }

        /** The image, clefts and polarity of the file, all through one chunk cache. */
        private Hdf5Volume[] openAll(List<Hdf5Volume> open, ChunkCache cache) {
            lastCache = cache;
            Hdf5Volume[] v = {Hdf5Volume.open(file, Cremi.RAW, cache), Hdf5Volume.open(file, Cremi.CLEFTS, cache),
                Hdf5Volume.open(file, Cremi.POLARITY, cache)};
            open.addAll(Arrays.asList(v));
            return v;
        }

        private static void addLayers(WorkbenchWindow window, Hdf5Volume[] v) {
            window.addLayer(new LabelLayer("clefts", v[1], LayerKind.CLEFTS));
            window.addLayer(new LabelLayer("polarity", v[2], LayerKind.POLARITY));
        }

        /** Trains the demo model in a training panel while paging sections; reports the JavaFX thread's longest wait. */
        private void trainingPauses(WorkbenchWindow window, SliceView slice) throws Exception {
            AtomicReference<TrainingPanel> panel = new AtomicReference<>();
            Config config = ConfigDocument.defaults().withYaml(new String(ViewerBenchmark.class
                    .getResourceAsStream("/configs/Demo/Demo-Cleft.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "Demo-Cleft.yaml").with("DATASET.INPUT_PATH", training.toAbsolutePath().getParent() + "/", "benchmark")
                    .with("DATASET.IMAGE_NAME", "training-image.h5", "benchmark")
                    .with("DATASET.LABEL_NAME", "training-clefts.h5", "benchmark")
                    .with("DATASET.OUTPUT_PATH", training.toAbsolutePath().getParent().resolve("training-run").toString(), "benchmark")
                    .config();
            // as the window does when it opens: the engine is loaded in the background before anyone presses Start
            TrainingPanel.prepareEngineInBackground();
            org.synapseworkbench.model.TorchEngine.get(); // waits for it
            onFx(() -> {
                panel.set(new TrainingPanel(() -> config, Path.of("")));
                panel.get().setLivePreview(new LivePreview(window)); // as in the window: a prediction every 100 iterations
                window.addPanel("Training", panel.get().node());
                window.showPanel("Training");
            });
            Thread.sleep(2000); // the tab is built and drawn once, as it is long before anyone trains in the window
            long startAsked = System.nanoTime();
            onFx(() -> panel.get().start(null));
            if (details) {
                System.out.printf(Locale.ROOT, "  pressing Start took %.1f ms on the JavaFX thread%n",
                        (System.nanoTime() - startAsked) / 1e6);
            }
            Thread fxThread = callFx(Thread::currentThread);
            Thread renderer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
            long end = System.nanoTime() + trainSeconds * 1_000_000_000L;
            List<Double> waits = new ArrayList<>();
            List<String> longWaits = new ArrayList<>();
            int z = 0;
            long nextFlip = System.nanoTime();
            while (System.nanoTime() < end) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                AtomicLong at = new AtomicLong();
                Platform.runLater(() -> {
                    at.set(System.nanoTime());
                    ran.countDown();
                });
                List<String> seen = new ArrayList<>(); // with --details: what the JavaFX thread does while the probe waits
                while (!ran.await(3, TimeUnit.MILLISECONDS)) {
                    if (details && System.nanoTime() - posted > 15_000_000L) {
                        String fx = whereIs(fxThread);
                        seen.add(String.format(Locale.ROOT, "%n      +%.0f ms %s", (System.nanoTime() - posted) / 1e6,
                                fx.contains("waitForRenderingToComplete") && renderer != null ? "renderer: " + whereIs(renderer) : fx));
                    }
                }
                waits.add((at.get() - posted) / 1e6);
                if (waits.get(waits.size() - 1) > 50) {
                    long sinceStart = (posted - (end - trainSeconds * 1_000_000_000L)) / 1_000_000;
                    longWaits.add(String.format(Locale.ROOT, "%.0f ms at %.1f s", waits.get(waits.size() - 1), sinceStart / 1e3)
                            + String.join("", seen));
                }
                if (flipMillis > 0 && System.nanoTime() >= nextFlip) {
                    int zz = z++ % sections;
                    Platform.runLater(() -> slice.zProperty().set(zz));
                    nextFlip = System.nanoTime() + flipMillis * 1_000_000L;
                }
                Thread.sleep(5);
            }
            String iterations = callFx(() -> panel.get().lossChart().getData().isEmpty() ? "0"
                    : Integer.toString(panel.get().lossChart().getData().get(0).getData().size()));
            onFx(() -> panel.get().stop());
            long stopBy = System.nanoTime() + 120_000_000_000L;
            while (callFx(() -> panel.get().runningProperty().get()) && System.nanoTime() < stopBy) {
                Thread.sleep(100);
            }
            long over50 = waits.stream().filter(w -> w > 50).count();
            System.out.printf(Locale.ROOT, "JavaFX thread while training the demo model for %d s (%s iterations charted, %s):%n",
                    trainSeconds, iterations, flipMillis > 0 ? "a section change every " + flipMillis + " ms" : "no section changes");
            System.out.printf(Locale.ROOT, "  %d probes every 5 ms: median wait %.2f ms, 99th percentile %.1f ms, longest %.1f ms, "
                    + "%d over 50 ms%n", waits.size(), median(waits), percentile(waits, 99), max(waits), over50);
            if (!longWaits.isEmpty()) {
                System.out.println("  waits over 50 ms: " + String.join("; ", longWaits));
            }
        }
    }

    /** The state and innermost frames of JavaFX and of this program in a thread's stack, innermost first. */
    private static String whereIs(Thread t) {
        StringBuilder b = new StringBuilder(t.getState().toString());
        int n = 0;
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (n < 7 && (c.startsWith("javafx.") || c.startsWith("com.sun.javafx.") || c.startsWith("com.sun.pisces.")
                    || c.startsWith("com.sun.marlin.") || c.startsWith("com.sun.glass.") || c.startsWith("com.sun.prism.")
                    || c.startsWith("org.synapseworkbench."))) {
                b.append(n++ == 0 ? " " : " < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName());
            }
        }
        return b.toString();
    }

    /** Sets section z on the JavaFX thread and returns the milliseconds until its frame is in the pixel buffer. */
    private static double timeChange(SliceView slice, int z) throws Exception {
        AtomicLong t0 = new AtomicLong();
        onFx(() -> {
            t0.set(System.nanoTime());
            if (slice.zProperty().get() == z) {
                slice.zProperty().set(z == 0 ? 1 : z - 1);
                t0.set(System.nanoTime());
            }
            slice.zProperty().set(z);
        });
        long drawn = waitDrawn(slice);
        double ms = (drawn - t0.get()) / 1e6;
        if (details) {
            FrameListener.Timing t = recorder(slice).lastTiming;
            System.out.printf(Locale.ROOT, "  section %d: %.1f ms: queued %.1f, composed %.1f (image read %.1f, grey %.1f, "
                    + "labels read %.1f, blend %.1f), shown after %.1f%n", z, ms, (t.startNanos() - t0.get()) / 1e6,
                    (t.endNanos() - t.startNanos()) / 1e6, t.imageReadMillis(), t.imageMapMillis(), t.layersReadMillis(),
                    t.layersBlendMillis(), (drawn - t.endNanos()) / 1e6);
        }
        return ms;
    }

    /**
     * Waits for the asked-for frame and returns when it was shown. Polls every 0.2 ms without spinning: on two cores a
     * spinning thread would take one from the program it measures.
     */
    private static long waitDrawn(SliceView slice) {
        FrameRecorder recorder = recorder(slice);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!slice.upToDate()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a section was not drawn within 60 s");
            }
            LockSupport.parkNanos(200_000);
        }
        return recorder.lastComplete;
    }

    private static final Map<SliceView, FrameRecorder> RECORDERS = new ConcurrentHashMap<>();

    /** The recorder listening to {@code slice}, attached on first use. */
    private static FrameRecorder recorder(SliceView slice) {
        return RECORDERS.computeIfAbsent(slice, s -> {
            FrameRecorder r = new FrameRecorder();
            s.setFrameListener(r);
            return r;
        });
    }

    /** What a view's frames took: the last composition, the first frame of the volume, the last complete frame. */
    private static final class FrameRecorder implements FrameListener {
        volatile Timing lastTiming;
        volatile long firstOfVolume;
        volatile long lastComplete;

        @Override
        public void composed(Timing timing) {
            lastTiming = timing;
        }

        @Override
        public void shown(long nanos, boolean complete, boolean first) {
            if (first) {
                firstOfVolume = nanos;
            }
            if (complete) {
                lastComplete = nanos;
            }
        }
    }

    static void onFx(Runnable r) throws InterruptedException {
        callFx(() -> {
            r.run();
            return null;
        });
    }

    static <T> T callFx(java.util.concurrent.Callable<T> c) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX thread did not answer within 120 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    static double median(List<Double> v) {
        return percentile(v, 50);
    }

    static double percentile(List<Double> v, double p) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[(int) Math.max(0, Math.ceil(p / 100 * s.length) - 1)];
    }

    static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
