package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.work.UserException;

class UNet3dTest {
    static final boolean[] ISO = {false, false, false, true, true};

    static ModelSpec spec(ModelSpec.Architecture arch, int[] filters, int out, ModelSpec.NormMode norm) {
        return new ModelSpec(arch, true, filters, 1, out, norm, ModelSpec.ActMode.ELU, ISO, true);
    }

    static long count(ModelSpec spec) {
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            UNet3d net = new UNet3d(spec, 1);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 9, 33, 33));
            return net.trainableParameterCount();
        }
    }

    /** Numbers printed by the peer pytorch_unet_reference.py (resources of bench) for the same settings. */
    @Test
    void parameterCountEqualsThePyTorchReference() {
        assertEquals(3_542_849, count(spec(ModelSpec.Architecture.UNET_3D, new int[] {32, 64, 96, 128, 160}, 1, ModelSpec.NormMode.BN)));
        // the peer's unet_plus_3d lacks the non-local block: 3,594,689 plus theta, phi, g (3 x (160 x 80 + 80)),
        // the output conv (80 x 160 + 160) and its batch norm (2 x 160)
        long nonLocal = 3 * (160 * 80 + 80) + (80 * 160 + 160) + 2 * 160;
        assertEquals(3_594_689 + nonLocal,
                count(spec(ModelSpec.Architecture.UNET_PLUS_3D, new int[] {32, 64, 96, 128, 160}, 1, ModelSpec.NormMode.BN)));
    }

    /**
     * Outside training every intermediate array is freed as soon as it is used, and the output is the one the
     * training path (which keeps them all) computes: group norm behaves the same in both modes.
     */
    @Test
    void predictionFreesIntermediatesAndComputesWhatTrainingComputes() {
        for (ModelSpec.Architecture arch : ModelSpec.Architecture.values()) {
            ModelSpec spec = spec(arch, new int[] {8, 8, 16, 16, 16}, 3, ModelSpec.NormMode.GN);
            try (NDManager m = TorchEngine.get().newBaseManager()) {
                UNet3d net = new UNet3d(spec, 1);
                net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 9, 33, 33));
                ParameterStore store = new ParameterStore(m, false);
                float[] kept;
                float[] freed;
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.randomNormal(new Shape(2, 1, 9, 33, 33));
                    kept = net.forward(store, new NDList(x), true).singletonOrThrow().toFloatArray();
                    assertTrue(step.getManagedArrays().size() > 50, arch + ": training keeps its intermediates");
                    try (NDManager predict = m.newSubManager()) {
                        NDArray input = x.duplicate();
                        input.attach(predict);
                        NDArray y = net.forward(store, new NDList(input), false).singletonOrThrow();
                        java.util.Set<NDArray> left = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                        left.addAll(predict.getManagedArrays());
                        assertTrue(left.size() == 2 && left.contains(input) && left.contains(y),
                                arch + ": only input and output are left, not " + left.size() + " arrays");
                        freed = y.toFloatArray();
                    }
                }
                assertArrayEquals(kept, freed, 1e-5f, arch.toString());
            }
        }
    }

    @Test
    void outputHasTheInputSizeForAnySizeTheStridesAllow() {
        ModelSpec spec = spec(ModelSpec.Architecture.UNET_PLUS_3D, new int[] {8, 8, 8, 8, 8}, 3, ModelSpec.NormMode.GN);
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            UNet3d net = new UNet3d(spec, 1);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 9, 65, 65));
            ParameterStore store = new ParameterStore(m, false);
            for (int[] size : List.of(new int[] {9, 65, 65}, new int[] {17, 33, 33}, new int[] {5, 17, 17}, new int[] {7, 30, 45},
                    new int[] {1, 16, 16})) {
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.randomNormal(new Shape(2, 1, size[0], size[1], size[2]));
                    NDArray y = net.forward(store, new NDList(x), false).singletonOrThrow();
                    assertEquals(new Shape(2, 3, size[0], size[1], size[2]), y.getShape());
                    for (float v : y.toFloatArray()) {
                        assertTrue(Float.isFinite(v));
                    }
                }
            }
        }
    }

    @Test
    void featureSizesFollowTheReference() {
        ModelSpec spec = spec(ModelSpec.Architecture.UNET_3D, new int[] {32, 64, 96, 128, 160}, 1, ModelSpec.NormMode.BN);
        int[][] sizes = spec.featureSizes(new int[] {17, 257, 257});
        assertArrayEquals(new int[] {17, 257, 257}, sizes[0]);
        assertArrayEquals(new int[] {17, 129, 129}, sizes[1]);
        assertArrayEquals(new int[] {17, 65, 65}, sizes[2]);
        assertArrayEquals(new int[] {9, 33, 33}, sizes[3]);
        assertArrayEquals(new int[] {5, 17, 17}, sizes[4]);
    }

    @Test
    void specComesFromTheConfigAndBadValuesAreExplained() {
        Config c = ConfigLoader.merge(Path.of("configs/CREMI/CREMI-Base.yaml"), Path.of("configs/CREMI/CREMI-Foreground-UNet.yaml"), List.of());
        ModelSpec spec = ModelSpec.fromConfig(c);
        assertEquals(ModelSpec.Architecture.UNET_PLUS_3D, spec.architecture());
        assertEquals(ModelSpec.NormMode.SYNC_BN, spec.norm());
        assertArrayEquals(new int[] {32, 64, 96, 128, 160}, spec.filters());
        UserException e = assertThrows(UserException.class,
                () -> ModelSpec.fromConfig(ConfigLoader.applyOverrides(c, List.of("MODEL.NORM_MODE", "gn", "MODEL.FILTERS", "[28,36,48,64,80]"))));
        assertTrue(e.getMessage().contains("multiple of 8"), e.getMessage());
        e = assertThrows(UserException.class, () -> ModelSpec.fromConfig(ConfigLoader.applyOverrides(c, List.of("MODEL.ARCHITECTURE", "fpn_3d"))));
        assertTrue(e.getMessage().contains("fpn_3d"), e.getMessage());
    }

    @Test
    void orthogonalWeightsHaveOrthonormalRowsOrColumns() {
        for (int[] rc : new int[][] {{4, 9}, {9, 4}, {5, 5}}) {
            int rows = rc[0];
            int cols = rc[1];
            float[] w = OrthogonalInitializer.orthogonal(rows, cols, new Random(3));
            boolean byRows = rows <= cols;
            int vectors = Math.min(rows, cols);
            for (int a = 0; a < vectors; a++) {
                for (int b = 0; b < vectors; b++) {
                    double dot = 0;
                    for (int k = 0; k < Math.max(rows, cols); k++) {
                        dot += byRows ? w[a * cols + k] * w[b * cols + k] : w[k * cols + a] * w[k * cols + b];
                    }
                    assertEquals(a == b ? 1 : 0, dot, 1e-5);
                }
            }
        }
    }
}
