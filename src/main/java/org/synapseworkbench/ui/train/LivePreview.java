package org.synapseworkbench.ui.train;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import ai.djl.ndarray.NDManager;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.infer.TestTimeAugmentation;
import org.synapseworkbench.infer.VolumeInference;
import org.synapseworkbench.model.UNet3d;
import org.synapseworkbench.train.ModelProbe;
import org.synapseworkbench.ui.viewer.SliceView;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.BoxVolume;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.PaddedImage;
import org.synapseworkbench.volume.SectionStatistics;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;

/**
 * While the model trains, every N iterations its prediction of the part of the section on screen appears over the
 * image as probability layers (clefts red; pre magenta and post cyan), so a person sees what it learns where they
 * look. It predicts on the training thread between iterations (training waits meanwhile), with windows of
 * MODEL.INPUT_SIZE: a box of one window's depth centred on the section, the visible rows and columns around their
 * middle, at least one window and at most three windows three quarters apart per side; one view, no padding.
 */
public final class LivePreview implements ModelProbe {
    private final WorkbenchWindow window;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final IntegerProperty every = new SimpleIntegerProperty(this, "every", 100);
    private final Label last = new Label();
    /** What the window shows, refreshed on the JavaFX thread; read by the training thread. */
    private final AtomicReference<Aim> aim = new AtomicReference<>();
    private volatile boolean on = true;
    private volatile int interval = 100;
    private volatile Config config;
    private volatile BooleanSupplier stopped = () -> false;
    private final List<LabelLayer> shown = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The image, section and visible region {y0, x0, height, width} the prediction is for. */
    private record Aim(Volume image, int z, int[] region) {
    }

    /** Figures of the sections of the image previewed last: each section is read once, not at every preview. */
    private record Figures(Volume image, SectionStatistics statistics) {
    }

    /** Used on the training thread only. */
    private Figures figures;

    public LivePreview(WorkbenchWindow window) {
        this.window = window;
        enabled.addListener((obs, was, now) -> on = now);
        every.addListener((obs, was, now) -> interval = now.intValue());
    }

    /** Whether to predict at all. */
    BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Iterations between predictions. */
    IntegerProperty everyProperty() {
        return every;
    }

    /** A check box and the interval, for the training panel. */
    Node controls() {
        CheckBox box = new CheckBox("Predict the view every");
        box.setId("live-preview");
        box.selectedProperty().bindBidirectional(enabled);
        box.setTooltip(new Tooltip("Show the model's prediction of the visible part of the section while it trains"));
        Spinner<Integer> n = new Spinner<>(1, 100_000, every.get(), 10);
        n.setEditable(true);
        n.setPrefWidth(90);
        n.valueProperty().addListener((obs, was, now) -> every.set(now));
        HBox row = new HBox(6, box, n, new Label("iterations"));
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, last);
    }

    private SectionStatistics statistics(Volume image) {
        if (figures == null || figures.image() != image) {
            figures = new Figures(image, SectionStatistics.of(image));
        }
        return figures.statistics();
    }

    /**
     * A run begins with this config; {@code cancelled} tells when its Stop was pressed (JavaFX thread). The last
     * run's layers go.
     */
    void begin(Config c, BooleanSupplier cancelled) {
        clear();
        config = c;
        stopped = cancelled;
        aim();
    }

    /** Takes note of what the window shows now (JavaFX thread). */
    void aim() {
        SliceView slice = window.slice();
        Volume image = slice.volume();
        int[] region = slice.visibleRegion();
        aim.set(image == null || region == null || image.rank() != 3 ? null : new Aim(image, slice.zProperty().get(), region));
    }

    @Override
    public void probe(long iteration, UNet3d net, NDManager manager) {
        int n = interval;
        Aim a = aim.get();
        Config c = config;
        if (!on || n <= 0 || iteration % n != 0 || a == null || c == null || stopped.getAsBoolean()) {
            return;
        }
        long t0 = System.nanoTime();
        try (Predictor predictor = Predictor.sharing(net, manager, c)) {
            VolumeInference.Settings s = VolumeInference.Settings.fromConfig(c);
            int[] w = c.model().inputSize().stream().mapToInt(Integer::intValue).toArray(); // as trained
            int[] stride = new int[3];
            int[] cap = new int[3];
            for (int i = 0; i < 3; i++) {
                stride[i] = Math.max(1, w[i] - w[i] / 4);
                cap[i] = w[i] + 2 * stride[i];
            }
            int[][] box = box(a.image().shape(), a.z(), a.region(), w, cap);
            Volume crop = new InMemoryVolume(a.image().name(), a.image().read(box[0], box[1]), a.image().resolution());
            VolumeInference.Settings preview = new VolumeInference.Settings(w, stride, new int[3], 1,
                    TestTimeAugmentation.views(null), TestTimeAugmentation.Mode.MEAN, s.mean(), s.std(), s.normalizeSections());
            // sections standardised by their figures over the whole image, as training and Predict do, not the crop's
            PaddedImage input = new PaddedImage(crop, new int[3], s.normalizeSections()
                    ? statistics(a.image()).from(box[0][0]) : null);
            Cancellation cancel = new Cancellation();
            Block probs = new VolumeInference(predictor, preview).predict(input, new int[3], crop.shape(), (task, done, total, sec) -> {
                if (stopped.getAsBoolean()) {
                    cancel.cancel();
                }
            }, cancel);
            TargetKind kind = TargetKind.of(c.model().targetOpt().get(0));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Platform.runLater(() -> show(a, box, probs, kind, iteration, seconds));
        } catch (Cancellation.CancelledException e) {
            // Stop was pressed: the run ends after this iteration
        } catch (RuntimeException e) {
            String message = "No prediction at iteration " + iteration + ": " + e.getMessage();
            Platform.runLater(() -> last.setText(message));
        }
    }

    /**
     * The box {start, size} (z, y, x) to predict for section {@code z} and the visible {@code region} {y0, x0,
     * height, width}: {@code window[0]} sections centred on z, the region's rows and columns around their middle with
     * each side at least the window and at most {@code cap}, all inside {@code shape}.
     */
    static int[][] box(int[] shape, int z, int[] region, int[] window, int[] cap) {
        double[] centre = {z + 0.5, region[0] + region[2] / 2.0, region[1] + region[3] / 2.0};
        int[] wanted = {window[0], Math.max(window[1], Math.min(cap[1], region[2])),
            Math.max(window[2], Math.min(cap[2], region[3]))};
        int[] start = new int[3];
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            size[a] = Math.min(wanted[a], shape[a]);
            start[a] = (int) Math.max(0, Math.min(shape[a] - size[a], Math.round(centre[a] - size[a] / 2.0)));
        }
        return new int[][] {start, size};
    }

    /** Replaces the last preview's layers by this one's, keeping their visibility, opacity and threshold. */
    private void show(Aim a, int[][] box, Block probs, TargetKind kind, long iteration, double seconds) {
        last.setText(String.format(Locale.ROOT, "last at iteration %d (%.1f s)", iteration, seconds));
        if (window.state().image() != a.image()) {
            return; // another image was opened meanwhile
        }
        List<LabelLayer> old = List.copyOf(shown);
        shown.clear();
        old.forEach(window::removeLayer);
        String name = "live prediction, iteration " + iteration;
        if (kind == TargetKind.BINARY) {
            add(name, a, box, probs, 0, LabelLayer.RED, old);
        } else {
            int pre = kind == TargetKind.POLARITY_CLASSES ? 1 : 0;
            add(name + ", pre", a, box, probs, pre, LabelLayer.MAGENTA, old);
            add(name + ", post", a, box, probs, pre + 1, LabelLayer.CYAN, old);
        }
    }

    private void add(String name, Aim a, int[][] box, Block probs, int channel, int tint, List<LabelLayer> old) {
        int[] size = box[1];
        int n = size[0] * size[1] * size[2];
        byte[] values = new byte[n];
        System.arraycopy(probs.bytes(), channel * n, values, 0, n);
        Volume v = new BoxVolume(name, a.image().spatialShape(), box[0], Block.wrap(DataType.UINT8, values, size),
                a.image().resolution());
        LabelLayer layer = new LabelLayer(name, v, LayerKind.PROBABILITY, tint, LabelLayer.Origin.PREDICTED);
        int i = shown.size();
        if (i < old.size()) {
            LabelLayer before = old.get(i);
            layer.visibleProperty().set(before.visibleProperty().get());
            layer.opacityProperty().set(before.opacityProperty().get());
            layer.thresholdProperty().set(before.thresholdProperty().get());
        }
        shown.add(layer);
        window.addLayer(layer);
    }

    /** Takes the last prediction's layers off the image (JavaFX thread). */
    public void clear() {
        List<LabelLayer> old = List.copyOf(shown);
        shown.clear();
        old.forEach(window::removeLayer);
        last.setText("");
    }

    /** The layers of the last preview shown (for tests). */
    List<LabelLayer> layers() {
        return List.copyOf(shown);
    }
}
