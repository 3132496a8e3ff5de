package org.synapseworkbench.infer;

import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.model.Checkpoint;
import org.synapseworkbench.model.ModelSpec;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.model.UNet3d;
import org.synapseworkbench.work.UserException;

/**
 * A trained model ready to predict: the network of a checkpoint in evaluation mode (norms use their running
 * statistics) and the activation per output channel from INFERENCE.OUTPUT_ACT. {@link #predict} maps a
 * normalised image block (any size the strides allow) to probabilities of the same size.
 */
public final class Predictor implements WindowModel, AutoCloseable {
    private final NDManager manager;
    private final UNet3d net;
    private final ParameterStore store;
    private final Config config;
    private final List<String> activations;
    private final List<Integer> targetChannels;

    private Predictor(NDManager manager, UNet3d net, Config config) {
        this.manager = manager;
        this.net = net;
        this.config = config;
        this.store = new ParameterStore(manager, false);
        this.activations = config.inference().outputAct();
        this.targetChannels = config.model().targetOpt().stream()
                .map(t -> org.synapseworkbench.data.TargetKind.of(t).outputChannels()).toList();
    }

    /** Loads a checkpoint's model with the checkpoint's own config (overridden by {@code config} when given). */
    public static Predictor load(Path checkpointFile, Config config, Device device) {
        Checkpoint checkpoint = Checkpoint.read(checkpointFile);
        Config used = config != null ? config : checkpoint.config();
        ModelSpec spec = ModelSpec.fromConfig(used);
        NDManager manager = TorchEngine.get().newBaseManager(device);
        try {
            UNet3d net = new UNet3d(spec, 0);
            List<Integer> size = used.model().inputSize();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, spec.inPlanes(), size.get(0), size.get(1), size.get(2)));
            checkpoint.loadWeights(net, manager, checkpointFile);
            return new Predictor(manager, net, used);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A model of the config's architecture with freshly initialised weights (for benchmarks and tests). */
    public static Predictor untrained(Config config, Device device) {
        ModelSpec spec = ModelSpec.fromConfig(config);
        NDManager manager = TorchEngine.get().newBaseManager(device);
        try {
            UNet3d net = new UNet3d(spec, 0);
            List<Integer> size = config.model().inputSize();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, spec.inPlanes(), size.get(0), size.get(1), size.get(2)));
            return new Predictor(manager, net, config);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A predictor over a network that is being trained (use it on the training thread, between iterations): forward
     * passes in evaluation mode with the config's activations. Closing it frees only the arrays it made.
     */
    public static Predictor sharing(UNet3d net, NDManager manager, Config config) {
        return new Predictor(manager.newSubManager(), net, config);
    }

    /** Writes this model's weights and config as a checkpoint (of iteration 0, without a solver's state). */
    public void save(Path file) throws java.io.IOException {
        Checkpoint.save(file, 0, config, net, null);
    }

    public Config config() {
        return config;
    }

    /** Where the model runs. */
    public Device device() {
        return manager.getDevice();
    }

    public ModelSpec spec() {
        return net.spec();
    }

    @Override
    public int outPlanes() {
        return net.spec().outPlanes();
    }

    /**
     * Probabilities for {@code samples} images of size {@code size} (z, y, x), given normalised as
     * (x / 255 - MEAN) / STD, samples x voxels. Returns samples x OUT_PLANES x voxels.
     */
    public float[] predict(float[] image, int samples, int[] size) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(image, new Shape(samples, 1, size[0], size[1], size[2]));
            return probabilities(x).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /**
     * Activated outputs (n, OUT_PLANES, z, y, x) for normalised inputs (n, 1, z, y, x), moved to the model's device
     * and back to the input's; intermediate arrays belong to the input's manager.
     */
    @Override
    public NDArray probabilities(NDArray x) {
        TorchEngine.useOnThisThread(); // any thread may predict
        NDArray y = net.forward(store, new NDList(x.toDevice(manager.getDevice(), false)), false).singletonOrThrow();
        return activate(y).toDevice(x.getDevice(), false);
    }

    /** A manager on the model's device for one step's arrays; close it after the step. */
    @Override
    public NDManager newStepManager() {
        return manager.newSubManager();
    }

    /** INFERENCE.OUTPUT_ACT per target: sigmoid, softmax (over the target's channels), tanh or none. */
    private NDArray activate(NDArray y) {
        NDList parts = new NDList();
        int channel = 0;
        for (int t = 0; t < targetChannels.size(); t++) {
            int c = targetChannels.get(t);
            NDArray part = y.get(new ai.djl.ndarray.index.NDIndex().addAllDim().addSliceDim(channel, channel + c));
            String act = activations == null || activations.isEmpty() ? "sigmoid" : activations.get(Math.min(t, activations.size() - 1));
            parts.add(switch (act) {
                case "sigmoid" -> Activation.sigmoid(part);
                case "softmax" -> part.softmax(1);
                case "tanh" -> Activation.tanh(part);
                case "none" -> part;
                default -> throw new UserException("INFERENCE.OUTPUT_ACT " + act + " is not supported; use sigmoid, softmax, tanh or none.");
            });
            channel += c;
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }

    @Override
    public void close() {
        manager.close();
    }
}
