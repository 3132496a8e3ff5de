package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * PyTC's residual block: conv(1,3,3)-norm-act, conv(1,3,3)-norm, optional squeeze-excitation, plus the
 * input, then act. All residual blocks use (1,3,3) kernels, also at isotropic stages.
 */
final class ResidualBlock extends SingleInputBlock {
    private static final long[] KERNEL = {1, 3, 3};
    private static final long[] ONE = {1, 1, 1};
    private final ConvNormAct first;
    private final ConvNormAct second;
    private final SqueezeExcitation se;
    private final ModelSpec.ActMode act;

    ResidualBlock(int channels, ModelSpec spec) {
        this.act = spec.act();
        first = addChildBlock("a", new ConvNormAct(channels, KERNEL, ONE, false, spec.norm(), act, spec.replicatePadding()));
        second = addChildBlock("b", new ConvNormAct(channels, KERNEL, ONE, false, spec.norm(), null, spec.replicatePadding()));
        se = spec.squeezeExcitation() ? addChildBlock("se", new SqueezeExcitation(channels, act)) : null;
    }

    @Override
    NDArray forward(ParameterStore store, NDArray x, boolean training) {
        NDArray y = run(second, store, run(first, store, x, training), training);
        y = run(se, store, y, training);
        return TensorOps.activate(y.add(x), act);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape s = init(second, manager, type, init(first, manager, type, inputShapes[0]));
        init(se, manager, type, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
