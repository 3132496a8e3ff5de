package org.synapseworkbench.infer;

import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A stand-in for a trained model in tests: {@code outPlanes} channels computed from the input by {@code function}. */
record StandInModel(NDManager base, int outPlanes, UnaryOperator<NDArray> function) implements WindowModel {

    @Override
    public NDManager newStepManager() {
        return base.newSubManager();
    }

    @Override
    public NDArray probabilities(NDArray x) {
        return function.apply(x);
    }
}
