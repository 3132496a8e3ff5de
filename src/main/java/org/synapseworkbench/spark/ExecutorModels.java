package org.synapseworkbench.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ai.djl.pytorch.jni.JniUtils;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigYaml;
import org.synapseworkbench.infer.Predictor;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.train.DeviceChoice;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.PaddedImage;
import org.synapseworkbench.volume.VolumeFiles;

/**
 * What the tasks of one executor (one JVM) share: the model, loaded from its checkpoint once, not per block, and
 * the input image opened once (with, for images other than uint8, its value range found once). Tasks running at the
 * same time predict with the one model; each forward pass has its own arrays.
 */
final class ExecutorModels {
    private static final Map<String, Predictor> MODELS = new HashMap<>();
    private static final Map<String, PaddedImage> IMAGES = new HashMap<>();
    private static int loads;

    private ExecutorModels() {
    }

    /**
     * The model of a checkpoint with a config (YAML as the driver merged it), on {@code device} (auto, cpu, gpu);
     * {@code threads} (0: the engine's default) are the engine's threads in this JVM.
     */
    static synchronized Predictor model(String checkpoint, String configYaml, String device, int threads) {
        String key = checkpoint + "\n" + device + "\n" + configYaml;
        Predictor p = MODELS.get(key);
        if (p == null) {
            TorchEngine.get();
            if (threads > 0) {
                JniUtils.setNumThreads(threads);
            }
            Config config = config(configYaml);
            p = Predictor.load(Path.of(checkpoint), config, DeviceChoice.valueOf(device).resolve(config.system().numGpus()));
            MODELS.put(key, p);
            loads++;
        }
        return p;
    }

    /** The config the driver sent, as YAML. */
    static Config config(String yaml) {
        return ConfigYaml.mergeText(Config.defaults(), yaml, "the driver's config");
    }

    /**
     * The input image padded by {@code pad}, its sections standardised when {@code normalizeSections}, opened once in
     * this JVM (with each section's figures measured once, over the whole section, when a block first needs them).
     */
    static synchronized PaddedImage image(String spec, int[] pad, boolean normalizeSections) {
        String key = spec + "\n" + java.util.Arrays.toString(pad) + "\n" + normalizeSections;
        return IMAGES.computeIfAbsent(key, k -> PaddedImage.of(VolumeFiles.open(org.synapseworkbench.volume.VolumeSpec
                .parse(spec), org.synapseworkbench.volume.Cremi.RAW), pad, normalizeSections));
    }

    /** How many times a checkpoint was loaded in this JVM (tests check it is once). */
    static synchronized int loads() {
        return loads;
    }

    /** Forgets the models and images of this JVM (tests, between jobs); the models' native memory is freed. */
    static synchronized void clear() {
        MODELS.values().forEach(Predictor::close);
        MODELS.clear();
        IMAGES.values().forEach(i -> {
            if (i.volume() instanceof ChunkedVolume v) {
                v.close();
            }
        });
        IMAGES.clear();
        loads = 0;
    }
}
