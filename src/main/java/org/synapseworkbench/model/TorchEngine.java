package org.synapseworkbench.model;

import ai.djl.engine.Engine;

/**
 * DJL's PyTorch engine, set up for this program: libtorch comes from the jar on the classpath (no download,
 * {@code ai.djl.offline}), no usage tracking, and an optional thread count
 * ({@code -Dai.djl.pytorch.num_threads}, default: all cores).
 */
public final class TorchEngine {
    private TorchEngine() {
    }

    /** The engine, loading the native library on first use (a few seconds). */
    public static synchronized Engine get() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        return Engine.getEngine("PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
