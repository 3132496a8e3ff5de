package org.synapseworkbench.ui.task;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Lowers the scheduling priority of the calling thread, and so of the threads it starts afterwards (libtorch's
 * OpenMP workers, batch loaders), on Linux, where each thread has a nice value of its own and new threads inherit
 * their creator's. Training takes every core; at a lower priority it still gets them when the window is idle, and
 * the JavaFX thread runs at once when it has work. Raising a nice value needs no privilege. Elsewhere: no effect.
 */
public final class BackgroundPriority {
    /** Nice value for background work: 0 is normal, 19 the lowest. */
    public static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /** Gives the calling thread {@link #NICE}; returns whether that worked. */
    public static boolean lowerThisThread() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            int tid = c.getFunction("gettid").invokeInt(new Object[0]);
            return c.getFunction("setpriority").invokeInt(new Object[] {PRIO_PROCESS, tid, NICE}) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // an older C library without gettid: training runs at normal priority
        }
    }
}
