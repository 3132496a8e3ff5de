package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/** Squeeze-excitation: channel weights from the global mean through C -> C/4 -> C, scaling the input. */
final class SqueezeExcitation extends SingleInputBlock {
    private final Linear squeeze;
    private final Linear excite;
    private final ModelSpec.ActMode act;

    SqueezeExcitation(int channels, ModelSpec.ActMode act) {
        this.act = act;
        squeeze = addChildBlock("squeeze", Linear.builder().setUnits(channels / 4).optBias(false).build());
        excite = addChildBlock("excite", Linear.builder().setUnits(channels).optBias(false).build());
    }

    @Override
    NDArray forward(ParameterStore store, NDArray x, boolean training) {
        Shape s = x.getShape();
        NDArray pooled = x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
        NDArray h = TensorOps.activate(run(squeeze, store, pooled, training), act);
        NDArray w = Activation.sigmoid(run(excite, store, h, training));
        return x.mul(w.reshape(s.get(0), s.get(1), 1, 1, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape pooled = new Shape(inputShapes[0].get(0), inputShapes[0].get(1));
        init(excite, manager, type, init(squeeze, manager, type, pooled));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
