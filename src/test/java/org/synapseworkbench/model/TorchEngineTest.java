package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The model's convolutions ({@link PaddedConvolution} on the engine {@link TorchEngine} sets up): outputs and
 * gradients against values computed by definition ({@link ConvolutionReference}), for channel counts that need no
 * padding, padded outputs, padded inputs and both. libtorch 2.7.1's AVX-512 kernels fail this on an AVX-512 machine
 * without their own padding (run with ONEDNN_MAX_CPU_ISA=ALL and {@link TorchEngine#inputChannelBlock()} forced to
 * 8 to see it), as do its AVX2 kernels without any padding.
 */
class TorchEngineTest {

    @Test
    void convolutionOutputsAndGradientsMatchValuesComputedByDefinition() {
        int[][] channels = {{8, 8}, {16, 1}, {24, 24}, {12, 16}, {20, 3}};
        String[] names = {"output", "input gradient", "weight gradient", "bias gradient"};
        for (int[] c : channels) {
            for (int pass = 0; pass < 3; pass++) {
                // a (1,3,3) convolution with bias, padded by (0,1,1)
                ConvolutionReference.Case conv = ConvolutionReference.Case.of(new int[] {c[0], c[1], 1, 3, 3, 1, 1, 1}, 2,
                        new int[] {5, 33, 33}, new Random(pass));
                ConvolutionReference.Values expected = conv.direct();
                float[][] actual = conv.padded(true);
                double[][] wanted = {expected.y(), expected.dx(), expected.dw(), expected.db()};
                for (int i = 0; i < 4; i++) {
                    double error = ConvolutionReference.relativeError(wanted[i], actual[i]);
                    assertTrue(error < 1e-5, names[i] + ", " + conv.describe() + ", pass " + pass + ": relative L2 error " + error);
                }
            }
        }
    }
}
