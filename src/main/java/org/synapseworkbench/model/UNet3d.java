package org.synapseworkbench.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * PyTC's unet_3d and unet_plus_3d (reference section 4): an input convolution, five encoder stages that
 * downsample by strided convolution, four decoder stages that upsample trilinearly (align_corners=True) to
 * the skip's size and add it, and an output convolution with bias. unet_plus_3d adds a non-local block on
 * the bottleneck and, per decoder stage, a 1x1x1 path from the bottleneck. Input (N, IN_PLANES, Z, Y, X),
 * output (N, OUT_PLANES, Z, Y, X) of the same size.
 */
public final class UNet3d extends SingleInputBlock {
    private static final long[] ONE = {1, 1, 1};
    private static final long[] IO_KERNEL = {1, 5, 5};

    private final ModelSpec spec;
    private final ConvNormAct input;
    private final List<ConvNormAct> downConv = new ArrayList<>();
    private final List<ResidualBlock> downBlock = new ArrayList<>();
    private final NonLocalBlock nonLocal;
    private final List<ConvNormAct> upConv = new ArrayList<>();
    private final List<ResidualBlock> upBlock = new ArrayList<>();
    private final List<ConvNormAct> feature = new ArrayList<>();
    private final ConvNormAct output;

    /** The network of {@code spec}, with convolution and linear weights initialised orthogonally from {@code seed}. */
    public UNet3d(ModelSpec spec, long seed) {
        this.spec = spec;
        int[] f = spec.filters();
        boolean rep = spec.replicatePadding();
        input = addChildBlock("input", new ConvNormAct(f[0], IO_KERNEL, ONE, false, spec.norm(), spec.act(), rep));
        for (int i = 0; i < 5; i++) {
            downConv.add(addChildBlock("down" + i, new ConvNormAct(f[i], spec.stageKernel(i), spec.stageStride(i),
                    false, spec.norm(), spec.act(), rep)));
            downBlock.add(addChildBlock("down" + i + "block", new ResidualBlock(f[i], spec)));
        }
        boolean plus = spec.architecture() == ModelSpec.Architecture.UNET_PLUS_3D;
        nonLocal = plus ? addChildBlock("nonlocal", new NonLocalBlock(f[4], spec)) : null;
        for (int i = 3; i >= 0; i--) {
            upConv.add(addChildBlock("up" + i, new ConvNormAct(f[i], spec.stageKernel(i + 1), ONE, false,
                    spec.norm(), spec.act(), rep)));
            upBlock.add(addChildBlock("up" + i + "block", new ResidualBlock(f[i], spec)));
            if (plus) {
                feature.add(addChildBlock("feature" + i, new ConvNormAct(f[i], ONE, ONE, false, spec.norm(),
                        spec.act(), rep)));
            }
        }
        output = addChildBlock("output", new ConvNormAct(spec.outPlanes(), IO_KERNEL, ONE, true, null, null, rep));
        setInitializer(new OrthogonalInitializer(seed), Parameter.Type.WEIGHT);
        if (nonLocal != null) {
            nonLocal.startAsIdentity();
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    @Override
    NDArray forward(ParameterStore store, NDArray x, boolean training) {
        NDArray[] skips = new NDArray[5];
        NDArray y = run(input, store, x, training);
        for (int i = 0; i < 5; i++) {
            NDArray down = run(downConv.get(i), store, y, training);
            if (i == 0) {
                release(y, training);
            }
            y = run(downBlock.get(i), store, down, training);
            release(down, training);
            skips[i] = y;
        }
        NDArray bottom = run(nonLocal, store, y, training);
        y = bottom;
        for (int j = 0; j < 4; j++) {
            int i = 3 - j;
            long[] size = TensorOps.spatial(skips[i].getShape());
            NDArray up = run(upConv.get(j), store, y, training);
            if (y != bottom) {
                release(y, training);
            }
            NDArray sum = upsampleAdd(up, size, skips[i], training);
            release(up, training);
            release(skips[i], training);
            if (!feature.isEmpty()) {
                NDArray path = run(feature.get(j), store, bottom, training);
                NDArray both = upsampleAdd(path, size, sum, training);
                release(path, training);
                release(sum, training);
                sum = both;
            }
            y = run(upBlock.get(j), store, sum, training);
            release(sum, training);
        }
        if (bottom != skips[4]) {
            release(bottom, training);
        }
        release(skips[4], training);
        NDArray out = run(output, store, y, training);
        release(y, training);
        return out;
    }

    /** {@code resizeTrilinear(x, size) + addend}, freeing what it makes on the way outside training. */
    private static NDArray upsampleAdd(NDArray x, long[] size, NDArray addend, boolean training) {
        return scoped(x, training, in -> TensorOps.resizeTrilinear(in, size).add(addend));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape[] skips = new Shape[5];
        Shape s = init(input, manager, type, inputShapes[0]);
        for (int i = 0; i < 5; i++) {
            s = init(downBlock.get(i), manager, type, init(downConv.get(i), manager, type, s));
            skips[i] = s;
        }
        s = init(nonLocal, manager, type, s);
        Shape bottom = s;
        for (int j = 0; j < 4; j++) {
            int i = 3 - j;
            init(upConv.get(j), manager, type, s);
            s = skips[i];
            init(upBlock.get(j), manager, type, s);
            if (!feature.isEmpty()) {
                init(feature.get(j), manager, type, bottom);
            }
        }
        init(output, manager, type, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), spec.outPlanes(), s.get(2), s.get(3), s.get(4))};
    }

    /** Number of trainable values (what PyTorch's {@code sum(p.numel() for p in parameters())} counts). */
    public long trainableParameterCount() {
        long n = 0;
        for (Parameter p : getParameters().values()) {
            if (p.requiresGradient()) {
                n += p.getArray().getShape().size();
            }
        }
        return n;
    }
}
