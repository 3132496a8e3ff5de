package org.synapseworkbench.train;

import ai.djl.ndarray.NDManager;

import org.synapseworkbench.model.UNet3d;

/**
 * Work done with the model between training iterations, on the training thread, such as predicting the part of a
 * volume a person is looking at. The network is as the last update left it and must only be read (forward passes
 * with training off); arrays made from {@code manager} must be closed before returning. Training waits meanwhile, so
 * a probe decides itself how often to do anything, and it must not throw.
 */
public interface ModelProbe {
    /** Called after each iteration; {@code iteration} is the number done. */
    void probe(long iteration, UNet3d net, NDManager manager);
}
