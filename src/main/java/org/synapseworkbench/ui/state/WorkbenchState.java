package org.synapseworkbench.ui.state;

import java.nio.file.Path;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.workflow.PredictAndScore;

/**
 * What the window shows and works on, in one place that every part observes: the open image and the layers drawn
 * over it, the config, the checkpoint to predict with, how predictions are cut into instances, and the prediction
 * shown. Panels read and change this, never each other's controls; the viewer draws what it holds. JavaFX thread only.
 */
public final class WorkbenchState {
    /** A prediction on screen: of which image, made by which checkpoint with which settings. */
    public record ShownPrediction(Volume image, PredictAndScore.Prediction prediction, Path checkpoint, Config settings) {
        /** Whether this is the prediction of {@code of} by {@code file} with {@code with}. */
        public boolean matches(Volume of, Path file, Config with) {
            return image == of && checkpoint.equals(file) && settings.equals(with);
        }
    }

    private final ReadOnlyObjectWrapper<Volume> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ObservableList<LabelLayer> layers = FXCollections.observableArrayList();
    private final ObjectProperty<Config> config = new SimpleObjectProperty<>(this, "config");
    private final StringProperty checkpoint = new SimpleStringProperty(this, "checkpoint", "");
    private final ObjectProperty<Double> threshold = new SimpleObjectProperty<>(this, "threshold", 0.5);
    private final ObjectProperty<Integer> minSize = new SimpleObjectProperty<>(this, "minSize", 128);
    private final ObjectProperty<Polarity2Instance.SideRule> sides = new SimpleObjectProperty<>(this, "sides",
            Polarity2Instance.SideRule.LARGER);
    private final BooleanProperty facing = new SimpleBooleanProperty(this, "facing", true);
    private final ObjectProperty<ShownPrediction> prediction = new SimpleObjectProperty<>(this, "prediction");
    private final ReadOnlyBooleanWrapper predicting = new ReadOnlyBooleanWrapper(this, "predicting");

    /** Shows another image: the layers of the one before and its prediction go. */
    public void open(Volume v) {
        prediction.set(null);
        layers.clear();
        image.set(v);
    }

    public ReadOnlyObjectProperty<Volume> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** The open image, or null. */
    public Volume image() {
        return image.get();
    }

    /** The label layers drawn over the image, bottom first; add or remove to show or take one off. */
    public ObservableList<LabelLayer> layers() {
        return layers;
    }

    /** The config of the Config tab, which training and prediction use. */
    public ObjectProperty<Config> configProperty() {
        return config;
    }

    public Config config() {
        return config.get();
    }

    /** The checkpoint file to predict with, as typed or chosen (blank for none). */
    public StringProperty checkpointProperty() {
        return checkpoint;
    }

    /** The probability at which predictions are cut into instances. */
    public ObjectProperty<Double> thresholdProperty() {
        return threshold;
    }

    /** Pieces under this many voxels are dropped from the instances. */
    public ObjectProperty<Integer> minSizeProperty() {
        return minSize;
    }

    /**
     * How the union voxels of a polarity map get their side when cut into synapses: the larger side channel (the
     * window's default: better synapses on every training seed measured) or PyTC's thresholds ({@code postprocess}'s).
     */
    public ObjectProperty<Polarity2Instance.SideRule> sidesProperty() {
        return sides;
    }

    /**
     * Whether the cut into synapses mends the pre voxels lying behind the post side (the window's default: higher pre
     * F1 with every model measured; {@code postprocess} keeps them, as PyTC, unless given --facing).
     */
    public BooleanProperty facingProperty() {
        return facing;
    }

    /** The prediction on screen, or null; set it to show another (the Predict tab draws its layers and scores). */
    public ObjectProperty<ShownPrediction> predictionProperty() {
        return prediction;
    }

    /** True while the Predict tab predicts or cuts instances; a new prediction is then not shown. */
    public ReadOnlyBooleanProperty predictingProperty() {
        return predicting.getReadOnlyProperty();
    }

    public boolean isPredicting() {
        return predicting.get();
    }

    /** For the Predict tab: whether it is predicting. */
    public void setPredicting(boolean on) {
        predicting.set(on);
    }
}
