package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** Group normalisation over (N, C, ...) tensors, as PyTorch's {@code nn.GroupNorm}; DJL has none. */
final class GroupNorm extends SingleInputBlock {
    private final int groups;
    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;

    GroupNorm(int groups, float epsilon) {
        this.groups = groups;
        this.epsilon = epsilon;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long channels = inputShapes[0].get(1);
        if (channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        }
        gamma.setShape(new Shape(channels));
        beta.setShape(new Shape(channels));
    }

    @Override
    NDArray forward(ParameterStore store, NDArray x, boolean training) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long c = shape.get(1);
        NDArray grouped = x.reshape(n, groups, -1);
        NDArray mean = grouped.mean(new int[] {2}, true);
        NDArray centred = grouped.sub(mean);
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray eps = x.getManager().create(epsilon);
        NDArray normalised = centred.div(variance.add(eps).sqrt()).reshape(shape);
        long[] perChannel = new long[shape.dimension()];
        java.util.Arrays.fill(perChannel, 1);
        perChannel[1] = c;
        NDArray g = store.getValue(gamma, x.getDevice(), training).reshape(new Shape(perChannel));
        NDArray b = store.getValue(beta, x.getDevice(), training).reshape(new Shape(perChannel));
        return normalised.mul(g).add(b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
