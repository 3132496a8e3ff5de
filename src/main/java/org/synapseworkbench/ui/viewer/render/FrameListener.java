package org.synapseworkbench.ui.viewer.render;

/**
 * Hears of a slice view's frames, to measure the viewer (the viewer benchmark): each composition's timing, on the
 * render thread, and each frame put on screen, on the JavaFX thread. Keep handlers short.
 */
public interface FrameListener {
    /** What one frame's composition took, in {@link System#nanoTime()} and milliseconds. */
    record Timing(long startNanos, long endNanos, double imageReadMillis, double imageMapMillis, double layersReadMillis,
            double layersBlendMillis) {
    }

    /** A frame was composed (render thread). */
    default void composed(Timing timing) {
    }

    /**
     * A frame was copied to the screen at {@code nanos} (JavaFX thread): {@code complete} is false for a partial frame
     * shown while chunks are read, {@code firstOfVolume} true for the first frame since the volume was set.
     */
    default void shown(long nanos, boolean complete, boolean firstOfVolume) {
    }
}
