package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * Tensor operations the U-Net needs and DJL lacks: replicate padding and trilinear resizing with
 * align_corners=True, both written from DJL primitives so that autograd differentiates them.
 * Tensors are (N, C, Z, Y, X). No Java numbers enter a recorded graph: constants are arrays.
 */
public final class TensorOps {
    private TensorOps() {
    }

    /**
     * Pads the spatial axes by repeating the edge voxels, exactly PyTorch's padding_mode="replicate".
     *
     * @param pad voxels added on each side, per spatial axis (z, y, x)
     */
    public static NDArray replicatePad(NDArray x, long[] pad) {
        if (pad[0] == 0 && pad[1] == 0 && pad[2] == 0) {
            return x;
        }
        return TorchFunctions.replicatePad(x, pad);
    }

    /**
     * Resizes the spatial axes to {@code size} by trilinear interpolation with align_corners=True (PyTorch's
     * {@code F.interpolate(..., mode="trilinear", align_corners=True)}): one matrix product per axis whose
     * size changes (as fast as PyTorch's interpolation through TorchScript, measured).
     */
    public static NDArray resizeTrilinear(NDArray x, long[] size) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long z = s.get(2);
        long y = s.get(3);
        long w = s.get(4);
        NDArray out = x;
        if (w != size[2]) {
            out = out.matMul(interpolationMatrix(x, w, size[2]).transpose());
            w = size[2];
        }
        if (y != size[1]) {
            NDArray flat = out.reshape(n, c * z, y, w);
            out = interpolationMatrix(x, y, size[1]).matMul(flat).reshape(n, c, z, size[1], w);
            y = size[1];
        }
        if (z != size[0]) {
            NDArray flat = out.reshape(n, c, z, y * w);
            out = interpolationMatrix(x, z, size[0]).matMul(flat).reshape(n, c, size[0], y, w);
        }
        return out;
    }

    /** The (out x in) linear interpolation weights with align_corners=True, in x's manager and device. */
    static NDArray interpolationMatrix(NDArray like, long in, long out) {
        return like.getManager().create(interpolationWeights((int) in, (int) out), new Shape(out, in))
                .toDevice(like.getDevice(), false);
    }

    /** Row-major (out x in) weights: output o samples input position o (in - 1) / (out - 1). */
    static float[] interpolationWeights(int in, int out) {
        float[] m = new float[out * in];
        for (int o = 0; o < out; o++) {
            double src = out > 1 ? (double) o * (in - 1) / (out - 1) : 0;
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double f = src - i0;
            m[o * in + i0] += (float) (1 - f);
            m[o * in + i1] += (float) f;
        }
        return m;
    }

    /** The activation of a spec. */
    static NDArray activate(NDArray x, ModelSpec.ActMode act) {
        return act == ModelSpec.ActMode.ELU ? Activation.elu(x, 1f) : Activation.relu(x);
    }

    /** Spatial size (z, y, x) of a (N, C, Z, Y, X) shape. */
    static long[] spatial(Shape s) {
        return new long[] {s.get(2), s.get(3), s.get(4)};
    }
}
