package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * Embedded-Gaussian non-local block (Wang et al.), as on unet_plus_3d's bottleneck: theta, phi and g are
 * 1x1x1 convolutions with bias to C/2 channels; attention softmax(theta^T phi) over all positions applied to
 * g; a 1x1x1 convolution back to C, normalised, added to the input. The output norm starts at zero (its
 * convolution, when there is no norm), so the block begins as the identity.
 */
final class NonLocalBlock extends SingleInputBlock {
    private static final long[] ONE = {1, 1, 1};
    private final ConvNormAct g;
    private final ConvNormAct theta;
    private final ConvNormAct phi;
    private final ConvNormAct out;
    private final int inner;

    NonLocalBlock(int channels, ModelSpec spec) {
        inner = Math.max(1, channels / 2);
        g = addChildBlock("g", new ConvNormAct(inner, ONE, ONE, true, null, null, false));
        theta = addChildBlock("theta", new ConvNormAct(inner, ONE, ONE, true, null, null, false));
        phi = addChildBlock("phi", new ConvNormAct(inner, ONE, ONE, true, null, null, false));
        out = addChildBlock("w", new ConvNormAct(channels, ONE, ONE, true, spec.norm(), null, false));
    }

    /** Zero-initialises the output branch; call after the network-wide initialisers are set. */
    void startAsIdentity() {
        Block norm = out.norm();
        if (norm != null) {
            norm.setInitializer(Initializer.ZEROS, Parameter.Type.GAMMA);
            norm.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
        } else {
            out.conv().setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        }
    }

    @Override
    NDArray forward(ParameterStore store, NDArray x, boolean training) {
        Shape s = x.getShape();
        long n = s.get(0);
        long positions = s.get(2) * s.get(3) * s.get(4);
        NDArray gx = run(g, store, x, training).reshape(n, inner, positions).transpose(0, 2, 1);
        NDArray tx = run(theta, store, x, training).reshape(n, inner, positions).transpose(0, 2, 1);
        NDArray px = run(phi, store, x, training).reshape(n, inner, positions);
        NDArray attention = tx.matMul(px).softmax(-1);
        NDArray y = attention.matMul(gx).transpose(0, 2, 1).reshape(n, inner, s.get(2), s.get(3), s.get(4));
        return run(out, store, y, training).add(x);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape s = inputShapes[0];
        Shape innerShape = init(g, manager, type, s);
        init(theta, manager, type, s);
        init(phi, manager, type, s);
        init(out, manager, type, innerShape);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
