package org.synapseworkbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Tunes glibc's malloc, which libtorch allocates its CPU tensors with, for a training loop that frees and
 * re-allocates the same tens of megabytes of activations every step.
 *
 * <p>With glibc's defaults every block above the (dynamic) mmap threshold gets fresh pages from the kernel and
 * returns them when freed, and the heap top is trimmed back to the kernel as soon as 128 KB are free, so every
 * step page-faults its activations in anew: measured on the demo U-Net (FILTERS 16..64, 9x129x129, batch 2),
 * 1.3 million page faults and 11 s of kernel time in 12 steps, a step of 1.0 to 1.7 s. With blocks up to 32 MiB
 * served from the heap and 1 GiB of free heap kept, the same run has 0.4 million faults, 3 s of kernel time and
 * steps of 0.7 s. Memory still freed is reused; the price is that the process keeps up to 1 GiB of freed memory
 * instead of returning it. Linux with glibc only; a user who sets MALLOC_* or GLIBC_TUNABLES keeps exactly those
 * settings.
 *
 * <p>The mmap threshold is set to 1 GiB (glibc 2.36 accepts it) so that the activations of the large U-Nets (a
 * 32-channel 17x129x129 activation is 36 MiB) are reused too: a CREMI-sized forward pass (FILTERS 32..160,
 * 17x129x129) went from 0.95 s, 10.5 s of kernel time in six passes and 2.5 GB resident to 0.68 s, under 1 s of
 * kernel time and 0.7 GB (with {@code UNet3d} freeing intermediates outside training). A glibc that refuses it
 * gets 32 MiB, the old maximum. Blocks above the threshold still come from the kernel each time; for them
 * libtorch's {@code THP_MEM_ALLOC_ENABLE} asks for transparent huge pages, one fault per 2 MiB instead of per
 * 4 KiB: FILTERS 32..160 at 17x129x129 went from 4.3 million faults and 8.3 s per step to 0.35 million and
 * 3.7 s. It is set when the kernel offers huge pages (always or madvise) and the user has not set it.
 *
 * <p>These calls come too late for one thing: threads other than the process's first get malloc arenas of their
 * own, whose heaps are at most 64 MiB, so every thread that calls libtorch (the JVM runs none on the first thread)
 * keeps asking the kernel for fresh heaps for its 36 MiB activations. A CREMI-sized prediction that starts at
 * 0.5 s per window slows to 0.9 s after a few dozen windows, with a quarter of the time in the kernel. With one
 * arena, which only the environment can ask for before the first allocation ({@link #startupTunables()}), it
 * stays at 0.5 s; the command line starts such a process ({@code MallocRelaunch}).
 */
final class NativeAllocator {
    /** mallopt's parameter numbers (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    static final int MMAP_THRESHOLD = 1 << 30;
    /** The largest threshold older glibc versions accept. */
    static final int OLD_GLIBC_MMAP_THRESHOLD = 32 << 20;
    static final int TRIM_THRESHOLD = 1 << 30;
    static final int TOP_PAD = 64 << 20;
    /** Read by libtorch's CPU allocator at its first allocation. */
    static final String HUGE_PAGES_VARIABLE = "THP_MEM_ALLOC_ENABLE";

    private NativeAllocator() {
    }

    /**
     * Applies the settings above; call before libtorch allocates. Returns what it changed, e.g. "malloc keeps
     * freed memory, huge pages", or "none".
     */
    static String tuneForTraining() {
        if (!Platform.isLinux()) {
            return "none";
        }
        List<String> done = new ArrayList<>();
        try {
            NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            if (startupTunables().equals(System.getenv("GLIBC_TUNABLES"))) {
                done.add("malloc tuned from the start, one arena");
            } else if (!userTuned()) {
                Function mallopt = c.getFunction("mallopt");
                boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                        || mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, OLD_GLIBC_MMAP_THRESHOLD}) == 1;
                ok &= mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
                ok &= mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD}) == 1;
                if (ok) {
                    done.add("malloc keeps freed memory");
                }
            }
            if (System.getenv(HUGE_PAGES_VARIABLE) == null && hugePagesOffered()
                    && c.getFunction("setenv").invokeInt(new Object[] {HUGE_PAGES_VARIABLE, "1", 0}) == 0) {
                done.add("huge pages");
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // not glibc (musl has no mallopt): keep the defaults
        }
        return done.isEmpty() ? "none" : String.join(", ", done);
    }

    /** Whether the kernel gives transparent huge pages to memory that asks (mode "always" or "madvise"). */
    private static boolean hugePagesOffered() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The GLIBC_TUNABLES value for a process that should allocate like {@link #tuneForTraining()} from its first
     * allocation, with one malloc arena.
     */
    static String startupTunables() {
        return "glibc.malloc.arena_max=1:glibc.malloc.mmap_threshold=" + MMAP_THRESHOLD + ":glibc.malloc.trim_threshold="
                + TRIM_THRESHOLD + ":glibc.malloc.top_pad=" + TOP_PAD;
    }

    static boolean userTuned() {
        if (System.getenv("GLIBC_TUNABLES") != null) {
            return true;
        }
        return System.getenv().keySet().stream().anyMatch(k -> k.startsWith("MALLOC_"));
    }
}
