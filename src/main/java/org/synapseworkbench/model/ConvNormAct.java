package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

/**
 * Convolution (padded to keep the size at stride 1), then normalisation, then activation: PyTC's
 * conv3d_norm_act. Padding replicates edge voxels unless the spec asks for zeros.
 */
final class ConvNormAct extends SingleInputBlock {
    private final Conv3d conv;
    private final Block norm;
    private final ModelSpec.ActMode act;
    private final long[] pad;
    private final Shape stride;
    private final boolean replicate;

    /**
     * @param norm null for none
     * @param act null for no activation
     */
    ConvNormAct(int outChannels, long[] kernel, long[] stride, boolean bias, ModelSpec.NormMode norm,
            ModelSpec.ActMode act, boolean replicate) {
        this.pad = new long[] {kernel[0] / 2, kernel[1] / 2, kernel[2] / 2};
        this.stride = new Shape(stride);
        this.replicate = replicate;
        this.act = act;
        conv = addChildBlock("conv", Conv3d.builder()
                .setKernelShape(new Shape(kernel))
                .optStride(new Shape(stride))
                .optPadding(replicate ? new Shape(0, 0, 0) : new Shape(pad))
                .setFilters(outChannels)
                .optBias(bias)
                .build());
        this.norm = norm == null || norm == ModelSpec.NormMode.NONE ? null : addChildBlock("norm", normBlock(norm));
    }

    /** Batch norm (PyTorch's momentum 0.1 and epsilon 1e-5) or group norm with 8 groups. */
    static Block normBlock(ModelSpec.NormMode mode) {
        return switch (mode) {
            case BN, SYNC_BN -> BatchNorm.builder().optAxis(1).optEpsilon(1e-5f).optMomentum(0.9f).build();
            case GN -> new GroupNorm(8, 1e-5f);
            case NONE -> throw new IllegalArgumentException("no norm block for NONE");
        };
    }

    Block norm() {
        return norm;
    }

    Conv3d conv() {
        return conv;
    }

    @Override
    NDArray forward(ParameterStore store, NDArray x, boolean training) {
        NDArray y = replicate ? TensorOps.replicatePad(x, pad) : x;
        y = convolve(store, y, training);
        y = run(norm, store, y, training);
        return act == null ? y : TensorOps.activate(y, act);
    }

    /** What {@code conv} computes, through {@link PaddedConvolution} (the Conv3d block holds the parameters). */
    private NDArray convolve(ParameterStore store, NDArray x, boolean training) {
        NDArray weight = store.getValue(conv.getParameters().get("weight"), x.getDevice(), training);
        NDArray bias = conv.getParameters().contains("bias")
                ? store.getValue(conv.getParameters().get("bias"), x.getDevice(), training) : null;
        return PaddedConvolution.conv3d(x, weight, bias, stride, replicate ? new Shape(0, 0, 0) : new Shape(pad));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape s = init(conv, manager, type, paddedShape(inputShapes[0]));
        init(norm, manager, type, s);
    }

    private Shape paddedShape(Shape s) {
        if (!replicate) {
            return s;
        }
        return new Shape(s.get(0), s.get(1), s.get(2) + 2 * pad[0], s.get(3) + 2 * pad[1], s.get(4) + 2 * pad[2]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(new Shape[] {paddedShape(inputShapes[0])});
    }
}
