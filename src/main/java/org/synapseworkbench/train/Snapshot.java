package org.synapseworkbench.train;

/**
 * The middle z-section of the first sample of a batch, for pictures of training: the network's input
 * (normalised), the first target channel and the model's prediction for it (after sigmoid, or softmax
 * probability of class 1 for class targets). Arrays are height x width, row-major.
 */
public record Snapshot(long iteration, int height, int width, float[] image, float[] target, float[] prediction) {
}
