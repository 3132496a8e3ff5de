package org.synapseworkbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
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

    /** Runs a child block (null = identity). */
    static NDArray run(Block block, ParameterStore store, NDArray x, boolean training) {
        return block == null ? x : block.forward(store, new NDList(x), training).singletonOrThrow();
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
