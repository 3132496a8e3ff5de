package org.synapseworkbench.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** What window-by-window inference needs of a model (a {@link Predictor}, or a stand-in in tests). */
public interface WindowModel {
    /** Output channels. */
    int outPlanes();

    /** A manager for one batch's arrays; closed after the batch. */
    NDManager newStepManager();

    /** Activated outputs (n, outPlanes, z, y, x) for normalised inputs (n, 1, z, y, x) of any size the model allows. */
    NDArray probabilities(NDArray x);
}
