package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wide training kernels ({@link TorchEngine.Kernels#WIDE}: oneDNN's fastest, channels padded to multiples of
 * 32): output, input gradient, weight gradient and bias gradient of every convolution shape of the U-Nets we ship,
 * at two batch and volume sizes, against values computed by definition. With multiples of 16 the input gradient
 * of the strided 48 to 64 channel convolution is 4 % off on the AVX-512 machine we develop on. Runs in a JVM of its
 * own (surefire's "own-jvm" execution), because the kernels are chosen once per process.
 */
class WideKernelsTest {

    @BeforeAll
    static void chooseWideKernels() {
        TorchEngine.preferKernels(TorchEngine.Kernels.WIDE);
        TorchEngine.get();
        // run with -Dtest in a JVM whose engine another test started: nothing to check here
        Assumptions.assumeTrue(TorchEngine.kernels() == TorchEngine.Kernels.WIDE, "the engine runs other kernels");
    }

    @Test
    void everyLayerShapeGivesTheDirectConvolutionsOutputAndGradients() {
        if (System.getenv(TorchEngine.ISA_VARIABLE) == null) {
            assertEquals(32, TorchEngine.inputChannelBlock());
            assertEquals(16, TorchEngine.outputChannelBlock());
        }
        Random random = new Random(11);
        for (int[] size : new int[][] {{2, 4, 16, 16}, {1, 5, 11, 13}}) {
            for (int[] layer : ConvolutionReference.LAYERS) {
                ConvolutionReference.Case c = ConvolutionReference.Case.of(layer, size[0], new int[] {size[1], size[2], size[3]}, random);
                ConvolutionReference.Values expected = c.direct();
                float[][] actual = c.padded(true);
                String[] names = {"output", "input gradient", "weight gradient", "bias gradient"};
                double[][] wanted = {expected.y(), expected.dx(), expected.dw(), expected.db()};
                for (int i = 0; i < 4; i++) {
                    double error = ConvolutionReference.relativeError(wanted[i], actual[i]);
                    assertTrue(error < 1e-5, c.describe() + ": relative L2 error of the " + names[i] + " " + error);
                }
            }
        }
    }

    @Test
    void modelsWhoseFiltersAreMultiplesOf32TrainOnTheWideKernels() {
        assertEquals(TorchEngine.Kernels.WIDE, TorchEngine.trainingKernelsFor(new int[] {32, 64, 96, 128, 160}));
        assertEquals(TorchEngine.Kernels.TRAINING, TorchEngine.trainingKernelsFor(new int[] {16, 24, 32, 48, 64}));
    }
}
