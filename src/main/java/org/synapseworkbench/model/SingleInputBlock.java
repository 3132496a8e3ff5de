package org.synapseworkbench.model;

import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A DJL block with one input and one output tensor, and a helper to initialise children in sequence. */
abstract class SingleInputBlock extends AbstractBlock {

    @Override
    protected final NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(store, inputs.singletonOrThrow(), training));
    }

    /** The block's computation. */
    abstract NDArray forward(ParameterStore store, NDArray x, boolean training);

    /**
     * Runs a child block (null = identity). Outside training the child's intermediate arrays are freed as soon as
     * it returns, as PyTorch frees them without autograd: only its output stays, in {@code x}'s manager. (Training
     * keeps them all until the step's manager closes; backward needs most of them.) Freed memory is then reused
     * by the next block instead of new pages being faulted in.
     */
    static NDArray run(Block block, ParameterStore store, NDArray x, boolean training) {
        if (block == null) {
            return x;
        }
        return scoped(x, training, in -> block.forward(store, new NDList(in), training).singletonOrThrow());
    }

    /**
     * {@code f(x)}; outside training the arrays made on the way are freed when it returns and only the result
     * stays, in {@code x}'s manager (new arrays belong to the manager of the array they are computed from).
     */
    static NDArray scoped(NDArray x, boolean training, UnaryOperator<NDArray> f) {
        if (training) {
            return f.apply(x);
        }
        NDManager owner = x.getManager();
        try (NDManager scope = owner.newSubManager()) {
            x.tempAttach(scope);
            NDArray y = f.apply(x);
            if (y != x) {
                y.attach(owner);
            }
            return y;
        }
    }

    /** Frees {@code x} outside training, once the caller no longer needs it (training keeps it for backward). */
    static void release(NDArray x, boolean training) {
        if (!training && x != null) {
            x.close();
        }
    }

    /** Initialises a child for an input of {@code shape} and returns its output shape (null child = identity). */
    static Shape init(Block child, NDManager manager, DataType type, Shape shape) {
        if (child == null) {
            return shape;
        }
        child.initialize(manager, type, shape);
        return child.getOutputShapes(new Shape[] {shape})[0];
    }
}
