package org.synapseworkbench.model;

import java.util.Arrays;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import org.synapseworkbench.UserFolders;
import org.synapseworkbench.work.UserException;

/**
 * DJL's PyTorch engine, set up for this program: libtorch is the one {@link TorchNatives} chooses and checks (never
 * downloaded, {@code ai.djl.offline}); what DJL unpacks goes into {@link UserFolders#engineCache()} unless
 * DJL_CACHE_DIR or ENGINE_CACHE_DIR says otherwise; no usage tracking; an optional thread count
 * ({@code -Dai.djl.pytorch.num_threads}, default: all cores).
 *
 * <p>By default it limits oneDNN, libtorch's CPU convolution library, to its AVX2 kernels. The AVX-512 convolution
 * kernels of libtorch 2.7.1 (oneDNN 3.7.1) are wrong on the machine we develop on (an AMD EPYC with AVX-512) for
 * unpadded channel counts, measured against libtorch's own non-oneDNN convolutions: outputs 19% off with 24 input channels, input
 * gradients off or NaN with 1, 8 or 24 output channels and in strided 48 to 64 channel convolutions, so that
 * the demo U-Net's weight gradients were 10 to 12% off and, in about every second step, all NaN. (Debian's
 * PyTorch 1.13 gets the same convolutions right with the same kernels.) The AVX2 kernels are right for
 * channel counts that are multiples of 8, which {@link PaddedConvolution} arranges; the AVX kernels are right
 * for all counts but take twice as long. A user-set {@code ONEDNN_MAX_CPU_ISA} wins; {@code TorchEngineTest}
 * checks convolution outputs and gradients against values computed by hand.
 *
 * <p>A process that starts the engine itself may choose faster kernels ({@link #preferKernels} before the engine
 * starts). Input channel counts padded to multiples of 32 (outputs to 16) make oneDNN's AVX-512 kernels right for
 * training too
 * ({@link Kernels#WIDE}: outputs and both gradients checked for every layer shape of our U-Nets at several sizes by
 * {@code WideKernelsTest}; multiples of 16 still give wrong input gradients for a strided 48 to 64 channel
 * convolution); worth it when FILTERS are multiples of 32 (the CREMI and polarity U-Nets: a training step 1.2 to 1.3
 * times faster), not for the demo's 16 and 24 channels, which padding to 32 makes slower than AVX2. A process that only
 * predicts takes multiples of 16 ({@link Kernels#INFERENCE}: outputs checked by {@code InferenceKernelsTest}; on
 * the AVX-512 machine we develop on they take two thirds of the AVX2 kernels' time); it refuses to train
 * ({@link #requireTrainingKernels()}).
 *
 * <p>And it keeps glibc's malloc from handing activation memory back to the kernel after every step, and has
 * libtorch ask for huge pages ({@link NativeAllocator}): page faults took a third to a half of a training step.
 */
public final class TorchEngine {
    /** oneDNN's ISA limit; read by oneDNN once, when libtorch runs its first convolution. */
    public static final String ISA_VARIABLE = "ONEDNN_MAX_CPU_ISA";
    private static final String ISA_LIMIT = "AVX2";
    private static boolean started;
    private static boolean prepared;
    private static Kernels kernels = Kernels.TRAINING;
    private static String allocatorTuning = "none";
    private static TorchNatives.Choice natives;
    private static UserException failure;

    /** Which convolution kernels a process uses; chosen once, when the engine starts. */
    public enum Kernels {
        /** AVX2 kernels on x86, channels padded to multiples of 8: right for training any model. */
        TRAINING,
        /** The fastest kernels oneDNN has, channels padded to multiples of 32: right for training too. */
        WIDE,
        /** The fastest kernels oneDNN has, channels padded to multiples of 16: right outputs, wrong gradients. */
        INFERENCE
    }

    /** The kernels to train a model with these FILTERS: {@link Kernels#WIDE} when all are multiples of 32. */
    public static Kernels trainingKernelsFor(int[] filters) {
        return Arrays.stream(filters).allMatch(f -> f % 32 == 0) ? Kernels.WIDE : Kernels.TRAINING;
    }

    private TorchEngine() {
    }

    /**
     * Turns PyTorch's recording of gradients off for the calling thread, outside gradient collectors. PyTorch keeps
     * that switch per thread and new threads start with it on; DJL turns it off only on the thread that loads the
     * engine. A thread that trains or predicts must call this first: otherwise predictions record graphs (memory)
     * and the solver's in-place updates fail ("a leaf Variable that requires grad is being used in an in-place
     * operation").
     */
    public static void useOnThisThread() {
        get();
        JniUtils.setGradMode(false);
    }

    /**
     * The engine, loading the native library on first use (a few seconds). A libtorch that cannot be loaded (see
     * {@link TorchNatives}) is a {@link UserException} naming it and the way out, each time it is asked for.
     */
    public static synchronized Engine get() {
        if (failure != null) {
            throw failure;
        }
        if (!started) {
            setIfAbsent("ai.djl.offline", "true");
            setIfAbsent("OPT_OUT_TRACKING", "true");
            setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
            if (System.getenv(CACHE_VARIABLE) == null && System.getenv("ENGINE_CACHE_DIR") == null
                    && System.getProperty("ENGINE_CACHE_DIR") == null) {
                setIfAbsent(CACHE_VARIABLE, UserFolders.engineCache().toString());
            }
            prepareProcess();
            try {
                natives = TorchNatives.choose();
            } catch (UserException e) {
                failure = e;
                throw e;
            }
            TorchNatives.apply(natives);
            started = true;
            try {
                return Engine.getEngine("PyTorch");
            } catch (RuntimeException | LinkageError e) {
                failure = new UserException("libtorch could not be loaded from " + where(natives) + " (" + UserException.rootReason(e)
                        + "); " + (natives.source() == TorchNatives.Source.USER ? "unset " + TorchNatives.PATH_VARIABLE
                        + " to use the CPU libtorch that comes with the program, or see docs/gpu.md."
                        : "install the program again, or run 'synapse-workbench doctor' and report what it says."), e);
                throw failure;
            }
        }
        return Engine.getEngine("PyTorch");
    }

    /**
     * Sets up this process's environment for libtorch: oneDNN's ISA limit for the training kernels, glibc's malloc,
     * huge pages ({@link NativeAllocator}); once, and before the engine starts. It changes environment variables
     * (setenv), which is safe only while no other thread reads the environment: a window being opened by GTK at the
     * same time crashed the JVM in getenv. So the window calls this from its main thread before JavaFX starts; the
     * headless commands leave it to {@link #get()}, after they chose their kernels (Java threads read a copy of the
     * environment, never libc's). Fixes the kernels: {@link #preferKernels} has no effect afterwards.
     */
    public static synchronized void prepareProcess() {
        if (!prepared) {
            if (kernels == Kernels.TRAINING) {
                limitConvolutionKernels();
            }
            allocatorTuning = NativeAllocator.tuneForTraining();
            prepared = true;
        }
    }

    /** The libtorch chosen when the engine started (null before). */
    public static synchronized TorchNatives.Choice natives() {
        return natives;
    }

    /** Where a choice's libtorch lies, in words. */
    public static String where(TorchNatives.Choice choice) {
        return choice.folder() != null ? choice.folder().toString() : String.valueOf(choice.source());
    }

    /**
     * The kernels the engine will start with (training kernels unless set); no effect once the process is prepared
     * ({@link #prepareProcess}). Only a process that will never train should prefer {@link Kernels#INFERENCE}.
     */
    public static synchronized void preferKernels(Kernels choice) {
        if (!prepared) {
            kernels = choice;
        }
    }

    /**
     * Marks this process as a single command's own, started from the command line: {@link #preferKernelsForCommand}
     * then takes effect (tests and programs that embed the engine keep the training kernels their other work needs).
     */
    public static void markCommandProcess() {
        commandProcess = true;
    }

    /** {@link #preferKernels} when this process is a command's own ({@link #markCommandProcess}); else nothing. */
    public static void preferKernelsForCommand(Kernels choice) {
        if (commandProcess) {
            preferKernels(choice);
        }
    }

    private static volatile boolean commandProcess;

    /** What {@link NativeAllocator} changed (after {@link #get()}), e.g. "malloc keeps freed memory, huge pages". */
    public static synchronized String allocatorTuning() {
        return allocatorTuning;
    }

    /**
     * The GLIBC_TUNABLES value a new process running libtorch should start with ({@link NativeAllocator}), or null
     * where it does not apply: not Linux, or the user tunes malloc already.
     */
    public static String startupMallocTunables() {
        return Platform.isLinux() && !NativeAllocator.userTuned() ? NativeAllocator.startupTunables() : null;
    }

    /** The kernels the engine was started with. */
    public static synchronized Kernels kernels() {
        return kernels;
    }

    /**
     * Throws when this process runs the inference-only kernels, whose gradients are wrong: training needs a
     * process of its own (or one started for training).
     */
    public static synchronized void requireTrainingKernels() {
        if (kernels == Kernels.INFERENCE) {
            if (prepared) {
                throw new IllegalStateException("This process runs oneDNN's inference-only convolution kernels, whose "
                        + "gradients are wrong; start training in a process of its own.");
            }
            kernels = Kernels.TRAINING;
        }
    }

    /**
     * Input channel counts above 8 that reach a convolution are padded to multiples of this
     * ({@link PaddedConvolution}): 8 for the AVX2 kernels, else 16 in an inference-only process and 32 otherwise.
     */
    static synchronized int inputChannelBlock() {
        if (ISA_LIMIT.equalsIgnoreCase(effectiveIsa())) {
            return 8;
        }
        return kernels == Kernels.INFERENCE ? 16 : 32;
    }

    /**
     * Output channel counts are padded to multiples of this: 8 for the AVX2 kernels, else 16 (which keeps the
     * one to three output channels of a U-Net's last convolution at half the cost of 32).
     */
    static synchronized int outputChannelBlock() {
        return ISA_LIMIT.equalsIgnoreCase(effectiveIsa()) ? 8 : 16;
    }

    /** The kernels in words, e.g. "AVX2 kernels, channels padded to multiples of 8". */
    public static synchronized String describeKernels() {
        return effectiveIsa() + " kernels, channels padded to multiples of " + inputChannelBlock() + " (inputs) and "
                + outputChannelBlock() + " (outputs)" + (kernels == Kernels.INFERENCE ? ", inference only" : "");
    }

    /** The ISA limit oneDNN sees ("ALL" when none is set). */
    public static synchronized String effectiveIsa() {
        String value = System.getenv(ISA_VARIABLE);
        if (value == null && prepared && kernels == Kernels.TRAINING) {
            value = isaLimit();
        }
        return value == null ? "ALL" : value;
    }

    /** The oneDNN ISA limit this program sets when the user sets none (null on Windows, where it sets none). */
    public static String isaLimit() {
        return Platform.isWindows() ? null : ISA_LIMIT;
    }

    /** Sets {@link #ISA_VARIABLE} in the process environment unless it is set (POSIX only; Windows unchanged). */
    private static void limitConvolutionKernels() {
        if (Platform.isWindows() || System.getenv(ISA_VARIABLE) != null) {
            return;
        }
        try {
            NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("setenv")
                    .invokeInt(new Object[] {ISA_VARIABLE, ISA_LIMIT, 0});
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no C library to call: libtorch keeps its defaults
        }
    }

    /** DJL's cache folder, an environment variable or a system property of that name (environment first). */
    public static final String CACHE_VARIABLE = "DJL_CACHE_DIR";

    /** Sets a system property unless it is set. */
    static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
