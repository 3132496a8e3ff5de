package org.synapseworkbench.ui.viewer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.ui.viewer.render.AutoContrast;
import org.synapseworkbench.ui.viewer.render.GrayMapping;
import org.synapseworkbench.volume.DataType;

/**
 * How the section looks: brightness, contrast and gamma of the image (auto-contrast from the section's
 * percentiles, or back to the full range), and the label layers with their key, colours, visibility and opacity.
 */
public final class ViewPanel {
    private final SliceView slice;
    /** More views of the same image (the orthogonal planes) that take the same grey mapping. */
    private final SliceView[] others;
    /** The values shown from black to white at brightness 0 and contrast 1: the type's range for 8-bit images. */
    private double rangeLow = 0;
    private double rangeHigh = 255;
    private final Slider brightness = new Slider(-1, 1, 0);
    /** Natural logarithm of the contrast factor. */
    private final Slider contrast = new Slider(Math.log(0.1), Math.log(100), 0);
    private final Slider gamma = new Slider(0.25, 4, 1);
    private final Label window = new Label();
    private final VBox layerRows = new VBox(6);
    /** Each layer's row, kept while the layer is open. */
    private final Map<LabelLayer, LayerRow> rows = new IdentityHashMap<>();
    /** Waits to bring the rows in step with the layers, while it does. */
    private AnimationTimer rowsPending;
    private static final long ROWS_AT_MOST_AFTER_NANOS = 300_000_000L;
    private final VBox root;
    /** True while the sliders are set from a mapping, so they do not set it back. */
    private boolean settingSliders;

    ViewPanel(SliceView slice, SliceView... others) {
        this.slice = slice;
        this.others = others;
        brightness.setId("view-brightness");
        contrast.setId("view-contrast");
        gamma.setId("view-gamma");
        for (Slider s : new Slider[] {brightness, contrast, gamma}) {
            s.valueProperty().addListener((obs, was, now) -> {
                if (!settingSliders) {
                    apply();
                }
            });
            HBox.setHgrow(s, Priority.ALWAYS);
        }
        Button auto = new Button("Auto (A)");
        auto.setId("view-auto");
        auto.setTooltip(new Tooltip("Stretch the section's values from the " + AutoContrast.LOW + " to the "
                + AutoContrast.HIGH + " percentile over black to white"));
        auto.setOnAction(e -> autoContrast());
        Button reset = new Button("Full range");
        reset.setTooltip(new Tooltip("Show the image type's whole range, linear"));
        reset.setOnAction(e -> reset());
        GridPane image = new GridPane();
        image.setHgap(8);
        image.setVgap(4);
        image.addRow(0, new Label("Brightness"), brightness);
        image.addRow(1, new Label("Contrast"), contrast);
        image.addRow(2, new Label("Gamma"), gamma);
        GridPane.setHgrow(brightness, Priority.ALWAYS);
        HBox buttons = new HBox(6, auto, reset, window);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label layersTitle = new Label("Layers (number keys show and hide them)");
        root = new VBox(8, new Label("Image"), image, buttons, new Separator(), layersTitle, layerRows);
        root.setPadding(new Insets(8));
        slice.layerList().addListener((javafx.collections.ListChangeListener<LabelLayer>) c -> layersChanged());
        rebuildLayers();
        showWindow();
    }

    Region node() {
        return root;
    }

    /**
     * A new image: black to white over 0..255 for 8-bit images, else over the values of the shown section; linear,
     * the sliders back in the middle.
     */
    void reset() {
        if (slice.volume() != null && slice.volume().type() == DataType.UINT8) {
            setRange(0, 255);
        } else if (slice.volume() != null) {
            var v = slice.volume();
            slice.readSection(slice.zProperty().get()).thenAccept(section -> {
                double[] all = AutoContrast.percentiles(section, 0, 100);
                Platform.runLater(() -> {
                    if (slice.volume() == v) { // not another image meanwhile
                        setRange(all[0], all[1]);
                    }
                });
            });
        }
    }

    private void setRange(double low, double high) {
        rangeLow = low;
        rangeHigh = high;
        setSliders(0, 0, 1);
        apply();
    }

    /** Stretches the shown section's percentiles over black to white (read off the JavaFX thread). */
    void autoContrast() {
        if (slice.volume() == null) {
            return;
        }
        var v = slice.volume();
        slice.readSection(slice.zProperty().get()).thenAccept(section -> {
            double[] p = AutoContrast.percentiles(section, AutoContrast.LOW, AutoContrast.HIGH);
            Platform.runLater(() -> {
                if (slice.volume() == v) {
                    show(p[0], p[1], gamma.getValue());
                }
            });
        }).exceptionally(e -> {
            Platform.runLater(() -> window.setText("Cannot read the section for auto-contrast: " + e.getMessage()));
            return null;
        });
    }

    /** Sets the sliders so that {@code low}..{@code high} maps black to white. */
    void show(double low, double high, double g) {
        double span = rangeHigh - rangeLow;
        double c = span / (high - low);
        double b = ((rangeLow + rangeHigh) / 2 - (low + high) / 2) / (span / 2);
        setSliders(b, Math.log(c), g);
        apply();
    }

    private void setSliders(double b, double logContrast, double g) {
        settingSliders = true;
        brightness.setValue(b);
        contrast.setValue(logContrast);
        gamma.setValue(g);
        settingSliders = false;
    }

    /**
     * The mapping the sliders describe: brightness moves the window's centre by up to half the range (brighter is
     * lower), contrast narrows it by its factor (0.1 to 100).
     */
    private GrayMapping mapping() {
        double span = rangeHigh - rangeLow;
        double centre = (rangeLow + rangeHigh) / 2 - brightness.getValue() * span / 2;
        double width = span / Math.exp(contrast.getValue());
        return new GrayMapping(centre - width / 2, centre + width / 2, gamma.getValue());
    }

    private void apply() {
        GrayMapping m = mapping();
        slice.setMapping(m);
        for (SliceView o : others) {
            o.setMapping(m);
        }
        showWindow();
    }

    private void showWindow() {
        GrayMapping m = slice.mapping();
        window.setText(String.format(Locale.ROOT, "black %.4g, white %.4g, gamma %.2f", m.low(), m.high(), m.gamma()));
    }

    /** The window's text ("black L, white H, gamma G"). */
    Label windowLabel() {
        return window;
    }

    /**
     * Asks for the layer rows to be brought in step with the layers once, a pulse after the xy view has shown a frame
     * since the change (or after {@link #ROWS_AT_MOST_AFTER_NANOS}): new rows mean new controls to style and lay out,
     * 50-100 ms on a slow machine, which would otherwise come before the first frame of a newly opened file.
     */
    private void layersChanged() {
        if (rowsPending != null) {
            return;
        }
        long framesBefore = slice.framesShown();
        long asked = System.nanoTime();
        rowsPending = new AnimationTimer() {
            private boolean frameSeen;

            @Override
            public void handle(long now) {
                if (frameSeen || System.nanoTime() - asked > ROWS_AT_MOST_AFTER_NANOS || slice.volume() == null) {
                    stop();
                    rowsPending = null;
                    rebuildLayers();
                } else {
                    frameSeen = slice.framesShown() != framesBefore; // this pulse draws it; the rows come next
                }
            }
        };
        rowsPending.start();
    }

    /** A layer's controls, and the check box whose text carries its number key. */
    private record LayerRow(VBox block, CheckBox shown) {
    }

    private void rebuildLayers() {
        List<LabelLayer> layers = slice.layers();
        rows.keySet().removeIf(kept -> layers.stream().noneMatch(l -> l == kept));
        List<javafx.scene.Node> blocks = new ArrayList<>();
        int n = 1;
        for (LabelLayer layer : layers) {
            LayerRow row = rows.computeIfAbsent(layer, this::layerRow);
            row.shown().setText((n <= 9 ? n + "  " : "") + layer.name());
            blocks.add(row.block());
            n++;
        }
        if (blocks.isEmpty()) {
            blocks.add(new Label("No labels open (File > Add labels...)"));
        }
        layerRows.getChildren().setAll(blocks);
    }

    private LayerRow layerRow(LabelLayer layer) {
        CheckBox shown = new CheckBox(layer.name());
        shown.selectedProperty().bindBidirectional(layer.visibleProperty());
        HBox legend = new HBox(4);
        legend.setAlignment(Pos.CENTER_LEFT);
        HBox extra = new HBox(6);
        extra.setAlignment(Pos.CENTER_LEFT);
        showLegend(legend, layer.kind(), layer.tint());
        if (layer.kind().alternatives().size() > 1) {
            ChoiceBox<LayerKind> colours = new ChoiceBox<>();
            colours.getItems().setAll(layer.kind().alternatives());
            colours.setValue(layer.kind());
            colours.setConverter(new StringConverter<>() {
                @Override
                public String toString(LayerKind k) {
                    return k == null ? "" : k.title();
                }

                @Override
                public LayerKind fromString(String s) {
                    return LayerKind.valueOf(s.toUpperCase(Locale.ROOT));
                }
            });
            colours.setTooltip(new Tooltip("Colours: clefts red; polarity pre magenta, post cyan; instances a colour each"));
            colours.valueProperty().addListener((obs, was, now) -> {
                layer.kindProperty().set(now);
                showLegend(legend, now, layer.tint());
            });
            extra.getChildren().add(colours);
        }
        if (layer.kind().holdsIds()) {
            CheckBox outline = new CheckBox("outline");
            outline.selectedProperty().bindBidirectional(layer.outlineProperty());
            outline.setTooltip(new Tooltip("Draw only the edges, e.g. ground truth over a prediction"));
            extra.getChildren().add(outline);
        } else {
            Slider threshold = new Slider(0, 0.99, layer.thresholdProperty().get());
            threshold.valueProperty().bindBidirectional(layer.thresholdProperty());
            threshold.setTooltip(new Tooltip("0: fade by probability; above 0: solid where the probability reaches it"));
            Label value = new Label();
            value.textProperty().bind(layer.thresholdProperty().asString(Locale.ROOT, "%.2f"));
            HBox.setHgrow(threshold, Priority.ALWAYS);
            extra.getChildren().addAll(new Label("threshold"), threshold, value);
        }
        Slider opacity = new Slider(0, 1, layer.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(layer.opacityProperty());
        opacity.setTooltip(new Tooltip("Opacity of " + layer.name()));
        HBox.setHgrow(opacity, Priority.ALWAYS);
        HBox row = new HBox(8, shown, legend);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox fade = new HBox(8, new Label("opacity"), opacity);
        fade.setAlignment(Pos.CENTER_LEFT);
        extra.getChildren().add(0, fade);
        HBox.setHgrow(fade, Priority.ALWAYS);
        VBox block = new VBox(2, row, extra);
        block.setPadding(new Insets(0, 0, 0, 4));
        return new LayerRow(block, shown);
    }

    private static void showLegend(HBox legend, LayerKind kind, int tint) {
        legend.getChildren().clear();
        for (LayerKind.Swatch s : kind.legend(tint)) {
            legend.getChildren().add(swatch(s.rgb()));
            if (s.text() != null) {
                legend.getChildren().add(new Label(s.text()));
            }
        }
    }

    private static Rectangle swatch(int rgb) {
        Rectangle r = new Rectangle(12, 12, Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
        r.setStroke(Color.GRAY);
        return r;
    }
}
