package org.synapseworkbench.train;

import ai.djl.ndarray.NDArray;

/**
 * A parameter the optimiser updates: its unique name (the key of its state in checkpoints), its array
 * and its weight decay (0 for norms and biases).
 */
public record TrainableParameter(String name, NDArray array, double weightDecay) {
}
