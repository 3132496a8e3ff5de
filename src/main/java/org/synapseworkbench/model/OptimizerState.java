package org.synapseworkbench.model;

import java.util.Map;

import ai.djl.ndarray.NDArray;

/**
 * What a {@link Checkpoint} keeps of an optimiser besides the weights: its kind (a state is restored only into the
 * same kind), the number of steps taken and its buffers per parameter (momentum, Adam's moments).
 */
public interface OptimizerState {
    /** The optimiser's kind, e.g. {@code SGD} or {@code AdamW}. */
    String kindName();

    long stepCount();

    /** The buffers of each parameter, by parameter name. */
    Map<String, NDArray[]> state();

    /** Takes buffers saved by {@link #state()}; parameters missing from {@code saved} keep zero buffers. */
    void restore(Map<String, NDArray[]> saved, long stepCount);
}
