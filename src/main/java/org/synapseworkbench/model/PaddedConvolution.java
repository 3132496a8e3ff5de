package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv3d;

/**
 * A 3D convolution whose channel counts reach libtorch as multiples of what the engine's kernels need
 * ({@link TorchEngine#inputChannelBlock()}, {@link TorchEngine#outputChannelBlock()}): zero filters are appended
 * (their outputs sliced off again) and, above 8 input channels, zero input channels. The result and the gradients of the real weights and inputs are unchanged; the
 * padded parts are dropped.
 *
 * <p>Why: the AVX2 convolution kernels of libtorch 2.7.1 (oneDNN 3.7.1), the fastest {@link TorchEngine} allows
 * for training, are wrong for other counts. Measured against libtorch's own non-oneDNN convolutions: the output is 20 to 40%
 * off when there are more than 8 input channels and their count is not a multiple of 8 (12, 20, 28, 36), and
 * the input gradient is off, or NaN, whenever the output channel count is not a multiple of 8 (1, 2, 3, 12),
 * as in every U-Net's output convolution. Multiples of 8, and 1 to 7 input channels, are right to 1e-6.
 */
final class PaddedConvolution {
    /** Up to this many input channels, oneDNN's kernels are right without padding. */
    static final int FEW_INPUTS = 8;
    private static final Shape NO_DILATION = new Shape(1, 1, 1);

    private PaddedConvolution() {
    }

    /**
     * {@code conv3d(x, weight, bias)} with zero padding {@code padding} and {@code stride}, as
     * {@link Conv3d#conv3d}. Temporary arrays belong to {@code x}'s manager (the step's).
     *
     * @param bias null for none
     */
    static NDArray conv3d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        NDManager step = x.getManager();
        Shape ws = weight.getShape();
        long out = ws.get(0);
        long in = ws.get(1);
        long outPadded = roundUp(out, TorchEngine.outputChannelBlock());
        long inPadded = in > FEW_INPUTS ? roundUp(in, TorchEngine.inputChannelBlock()) : in;
        NDArray w = weight;
        NDArray b = bias;
        NDArray input = x;
        if (outPadded != out) {
            w = inStep(step, w.concat(step.zeros(new Shape(outPadded - out, in, ws.get(2), ws.get(3), ws.get(4))), 0));
            if (b != null) {
                b = inStep(step, b.concat(step.zeros(new Shape(outPadded - out)), 0));
            }
        }
        if (inPadded != in) {
            w = inStep(step, w.concat(step.zeros(new Shape(outPadded, inPadded - in, ws.get(2), ws.get(3), ws.get(4))), 1));
            Shape xs = x.getShape();
            input = x.concat(step.zeros(new Shape(xs.get(0), inPadded - in, xs.get(2), xs.get(3), xs.get(4))), 1);
        }
        NDArray y = Conv3d.conv3d(input, w, b, stride, padding, NO_DILATION, 1).singletonOrThrow();
        return outPadded == out ? y : y.get(new NDIndex(":, :{}", out));
    }

    /** Moves an array made from a parameter (owned by the model's manager) to the step's manager. */
    private static NDArray inStep(NDManager step, NDArray a) {
        if (a.getManager() != step) {
            a.attach(step);
        }
        return a;
    }

    private static long roundUp(long channels, int block) {
        return (channels + block - 1) / block * block;
    }
}
