package org.synapseworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.data.Batch;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.work.UserException;

class LossFunctionTest {

    private static double bce(double x, double t) {
        double p = 1 / (1 + Math.exp(-x));
        return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
    }

    private static Batch batch(float[] target, float[] weight, int voxels) {
        return new Batch(0, 1, new int[] {1, 1, voxels}, new float[voxels], List.of(target),
                List.of(Arrays.asList(weight)));
    }

    @Test
    void weightedBceWithLogitsIsTheWeightedMeanOfPerVoxelBce() {
        float[] logits = {2f, -1f, 0.5f, -3f};
        float[] target = {1f, 0f, 0f, 1f};
        float[] weight = {1f, 1f, 3f, 19f};
        LossTerm term = new LossTerm(0, 0, LossKind.WEIGHTED_BCE_WITH_LOGITS, 0, 1, 1.0, "none", true, null);
        LossFunction f = new LossFunction(List.of(TargetKind.BINARY), List.of(term), List.of());
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += weight[i] * bce(logits[i], target[i]);
        }
        expected /= 4;
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray out = m.create(logits, new Shape(1, 1, 1, 1, 4));
            LossFunction.Result r = f.compute(out, batch(target, weight, 4), m);
            assertEquals(expected, r.total().getFloat(), 1e-5);
        }
    }

    @Test
    void diceUsesSmoothing100PerSampleAndFactorsAdd() {
        float[] logits = {0f, 0f, 0f, 0f}; // p = 0.5 everywhere
        float[] target = {1f, 1f, 0f, 0f};
        LossTerm bce = new LossTerm(0, 0, LossKind.WEIGHTED_BCE_WITH_LOGITS, 0, 1, 1.0, "none", false, null);
        LossTerm dice = new LossTerm(0, 1, LossKind.DICE, 0, 1, 0.5, "sigmoid", false, null);
        LossFunction f = new LossFunction(List.of(TargetKind.BINARY), List.of(bce, dice), List.of());
        // dice = 1 - (2 x 1 + 100) / (2 + 2 + 100)
        double diceValue = 1 - 102.0 / 104.0;
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray out = m.create(logits, new Shape(1, 1, 1, 1, 4));
            Batch b = new Batch(0, 1, new int[] {1, 1, 4}, new float[4], List.of(target), List.of(Arrays.asList(null, null)));
            LossFunction.Result r = f.compute(out, b, m);
            assertEquals(Math.log(2), r.parts()[0].getFloat(), 1e-5);
            assertEquals(diceValue, r.parts()[1].getFloat(), 1e-6);
            assertEquals(Math.log(2) + 0.5 * diceValue, r.total().getFloat(), 1e-5);
        }
    }

    @Test
    void weightedCrossEntropyWeighsClassesButAveragesOverVoxels() {
        // two voxels, three classes; logits per class (channel-major)
        float[] logits = {1f, 0f, /* class 1 */ 0f, 2f, /* class 2 */ 0f, 0f};
        float[] classes = {0f, 1f};
        LossTerm ce = new LossTerm(0, 0, LossKind.WEIGHTED_CE, 0, 3, 1.0, "none", false, new double[] {1, 10, 10});
        LossFunction f = new LossFunction(List.of(TargetKind.POLARITY_CLASSES), List.of(ce), List.of());
        double l0 = -(1 - Math.log(Math.exp(1) + 2)); // voxel 0, class 0, weight 1
        double l1 = -(2 - Math.log(Math.exp(2) + 2)) * 10; // voxel 1, class 1, weight 10
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray out = m.create(logits, new Shape(1, 3, 1, 1, 2));
            Batch b = new Batch(0, 1, new int[] {1, 1, 2}, new float[2], List.of(classes), List.of(Arrays.asList((float[]) null)));
            assertEquals((l0 + l1) / 2, f.compute(out, b, m).total().getFloat(), 1e-5);
        }
    }

    @Test
    void diceOnClassesAveragesTheForegroundClassesOfTheSoftmax() {
        float[] logits = {1f, 0f, /* class 1 */ 0f, 2f, /* class 2 */ 0f, 0f};
        float[] classes = {0f, 1f};
        LossTerm dice = new LossTerm(0, 0, LossKind.DICE, 0, 3, 1.0, "softmax", false, null);
        LossFunction f = new LossFunction(List.of(TargetKind.POLARITY_CLASSES), List.of(dice), List.of());
        double e = Math.E;
        double p1v0 = 1 / (e + 2);
        double p1v1 = e * e / (e * e + 2);
        double p2v0 = 1 / (e + 2);
        double p2v1 = 1 / (e * e + 2);
        double dice1 = 1 - (2 * p1v1 + 100) / (p1v0 + p1v1 + 1 + 100); // class 1: voxel 1 is its one true voxel
        double dice2 = 1 - 100 / (p2v0 + p2v1 + 100); // class 2: no true voxel, only what is painted counts
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            NDArray out = m.create(logits, new Shape(1, 3, 1, 1, 2));
            Batch b = new Batch(0, 1, new int[] {1, 1, 2}, new float[2], List.of(classes), List.of(Arrays.asList((float[]) null)));
            assertEquals((dice1 + dice2) / 2, f.compute(out, b, m).total().getFloat(), 1e-6);
        }
    }

    @Test
    void diceOnClassesNeedsSoftmax() {
        Config c = ConfigLoader.merge(null, java.nio.file.Path.of("configs/Demo/Demo-Polarity.yaml"), List.of(
                "MODEL.OUTPUT_ACT", "[[\"none\", \"none\"]]"));
        UserException e = assertThrows(UserException.class, () -> LossFunction.fromConfig(c));
        assertTrue(e.getMessage().contains("set its MODEL.OUTPUT_ACT to softmax"), e.getMessage());
        Config ok = ConfigLoader.applyOverrides(c, List.of("MODEL.OUTPUT_ACT", "[[\"none\", \"softmax\"]]"));
        assertEquals(List.of("0/WeightedCE", "0/DiceLoss"), LossFunction.fromConfig(ok).partNames());
    }

    @Test
    void configDescribesTermsAndChecksChannels() {
        Config c = ConfigLoader.merge(null, java.nio.file.Path.of("configs/Demo/Demo-Polarity.yaml"), List.of());
        LossFunction f = LossFunction.fromConfig(c);
        assertEquals(List.of("0/WeightedCE", "0/DiceLoss"), f.partNames());
        assertEquals(List.of(List.of("0", "0")), f.weightOptions());
        assertEquals(3, f.terms().get(0).channels());
        UserException e = assertThrows(UserException.class,
                () -> LossFunction.fromConfig(ConfigLoader.applyOverrides(c, List.of("MODEL.OUT_PLANES", "1"))));
        assertTrue(e.getMessage().contains("OUT_PLANES 3"), e.getMessage());
        Config ce = ConfigLoader.merge(java.nio.file.Path.of("configs/Polarity/Polarity-Base.yaml"),
                java.nio.file.Path.of("configs/Polarity/Polarity-Semantic-CE.yaml"), List.of());
        LossFunction fce = LossFunction.fromConfig(ce);
        assertEquals(LossKind.WEIGHTED_CE, fce.terms().get(0).kind());
        assertEquals(10.0, fce.terms().get(0).classWeights()[2]);
    }
}
