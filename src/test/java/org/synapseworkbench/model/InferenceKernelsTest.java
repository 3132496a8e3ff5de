package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inference-only kernels ({@link TorchEngine.Kernels#INFERENCE}, channels padded to multiples of 16): every
 * convolution shape of the U-Nets we ship gives the output of a convolution computed by definition. Runs in a JVM
 * of its own (surefire's "own-jvm" execution), because the kernels are chosen once per process.
 */
class InferenceKernelsTest {

    @BeforeAll
    static void chooseInferenceKernels() {
        TorchEngine.preferKernels(TorchEngine.Kernels.INFERENCE);
        TorchEngine.get();
        // run with -Dtest in a JVM whose engine another test started: nothing to check here
        Assumptions.assumeTrue(TorchEngine.kernels() == TorchEngine.Kernels.INFERENCE, "the engine runs other kernels");
    }

    @Test
    void everyLayerShapeGivesTheDirectConvolutionsOutput() {
        if (System.getenv(TorchEngine.ISA_VARIABLE) == null) {
            assertEquals(16, TorchEngine.inputChannelBlock());
            assertEquals(16, TorchEngine.outputChannelBlock());
        }
        Random random = new Random(7);
        for (int[] layer : ConvolutionReference.LAYERS) {
            ConvolutionReference.Case c = ConvolutionReference.Case.of(layer, 1, new int[] {4, 16, 16}, random);
            double error = ConvolutionReference.relativeError(c.direct().y(), c.padded(false)[0]);
            assertTrue(error < 1e-5, c.describe() + ": relative L2 error of the output " + error);
        }
    }

    @Test
    void refusesToTrain() {
        assertThrows(IllegalStateException.class, TorchEngine::requireTrainingKernels);
    }
}
