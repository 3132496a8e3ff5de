package org.synapseworkbench.workflow;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;

import org.synapseworkbench.UserFolders;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.model.TorchNatives;
import org.synapseworkbench.volume.MemoryBudget;
import org.synapseworkbench.work.UserException;

/**
 * What {@code doctor} prints and Help &gt; About shows: program and Java versions, how the process was started,
 * which libtorch was loaded from where, the devices PyTorch sees and, without a GPU, why and what to set; the
 * convolution kernels, the malloc settings and the folders the program writes to. Starts the engine.
 */
public final class SystemReport {
    /** One line of the report. */
    public record Fact(String label, String value) {
    }

    private final List<Fact> facts;
    private final boolean engineLoaded;

    private SystemReport(List<Fact> facts, boolean engineLoaded) {
        this.facts = List.copyOf(facts);
        this.engineLoaded = engineLoaded;
    }

    public List<Fact> facts() {
        return facts;
    }

    /** False when libtorch could not be loaded (the report says why). */
    public boolean engineLoaded() {
        return engineLoaded;
    }

    /** The report as aligned lines, e.g. for the terminal or the clipboard. */
    public String text() {
        int width = facts.stream().mapToInt(f -> f.label().length()).max().orElse(0) + 2;
        StringBuilder b = new StringBuilder();
        for (Fact f : facts) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s%s%n", f.label() + ":", f.value()));
        }
        return b.toString();
    }

    /** Gathers the facts of this process, starting the engine (a few seconds the first time). */
    public static SystemReport gather() {
        List<Fact> facts = new ArrayList<>();
        String version = SystemReport.class.getPackage().getImplementationVersion();
        facts.add(new Fact("Program", "Synapse Workbench " + (version != null ? version : "(development build)")));
        facts.add(new Fact("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") in "
                + System.getProperty("java.home")));
        Runtime rt = Runtime.getRuntime();
        facts.add(new Fact("System", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + TorchNatives.classifier() + "), " + rt.availableProcessors() + " processors, Java memory up to "
                + MemoryBudget.bytes(rt.maxMemory())));
        facts.add(new Fact("Started by", startedBy()));
        boolean loaded;
        try {
            Engine engine = TorchEngine.get();
            TorchNatives.Choice natives = TorchEngine.natives();
            facts.add(new Fact("libtorch", engine.getVersion() + " " + natives.flavor() + ", " + natives.source() + ", loaded from "
                    + LibUtils.getLibtorchPath()));
            facts.add(new Fact("Engine", "DJL " + Engine.getDjlVersion() + ", " + JniUtils.getNumThreads() + " threads"));
            int gpus = engine.getGpuCount();
            List<String> devices = new ArrayList<>();
            for (Device d : engine.getDevices()) {
                devices.add(d.toString());
            }
            facts.add(new Fact("Devices", String.join(", ", devices)));
            if (gpus > 0) {
                facts.add(new Fact("GPU", gpus + " (CUDA " + CudaUtils.getCudaVersionString() + ", compute capability "
                        + CudaUtils.getComputeCapability(0) + "); training uses it with --device auto and SYSTEM.NUM_GPUS > 0"));
            } else {
                facts.add(new Fact("GPU", "none used: " + whyNoGpu(natives, TorchNatives.classifier(), System::getenv)));
            }
            facts.add(new Fact("Kernels", TorchEngine.describeKernels()));
            facts.add(new Fact("Malloc", mallocLine()));
            facts.add(new Fact("DJL cache", Utils.getEngineCacheDir("pytorch").toString()));
            loaded = true;
        } catch (UserException e) {
            facts.add(new Fact("libtorch", "error: " + e.getMessage()));
            loaded = false;
        }
        facts.add(new Fact("User folder", UserFolders.data().toString()));
        facts.add(new Fact("Settings", settings(System::getenv)));
        return new SystemReport(facts, loaded);
    }

    /**
     * Why no GPU is used, and what to set: one sentence for a libtorch of this flavour on this platform
     * ({@code linux-x86_64}, ...) with this environment.
     */
    static String whyNoGpu(TorchNatives.Choice natives, String classifier, Function<String, String> env) {
        if (classifier.startsWith("osx")) {
            return "macOS has no CUDA; PyTorch runs on the CPU there.";
        }
        if (!natives.cuda()) {
            String how = classifier.equals("linux-x86_64")
                    ? "install torch " + natives.version() + " with CUDA 12.8 (pip) and set " + TorchNatives.PATH_VARIABLE
                    + " to its torch/lib folder, as docs/gpu.md shows."
                    : "see docs/gpu.md (tested on Linux x86-64 only).";
            return "this libtorch is a CPU build (" + natives.source() + "); for an NVIDIA GPU, " + how;
        }
        String visible = env.apply("CUDA_VISIBLE_DEVICES");
        if (visible != null && (visible.isBlank() || visible.trim().startsWith("-"))) {
            return "libtorch is a CUDA build (" + natives.flavor() + "), but CUDA_VISIBLE_DEVICES=\"" + visible
                    + "\" hides every GPU; unset it.";
        }
        return "libtorch is a CUDA build (" + natives.flavor() + "), but CUDA finds no GPU: check the NVIDIA driver with "
                + "nvidia-smi (its 'CUDA Version' must be " + cudaVersion(natives.flavor()) + " or newer).";
    }

    /** {@code 12.8} of {@code cu128}. */
    private static String cudaVersion(String flavor) {
        String digits = flavor.replaceAll("[^0-9]", "");
        return digits.length() >= 2 ? digits.substring(0, digits.length() - 1) + "." + digits.substring(digits.length() - 1)
                : flavor;
    }

    /** The variables that change which libtorch is loaded and how it runs, as set in this environment. */
    static String settings(Function<String, String> env) {
        List<String> set = new ArrayList<>();
        for (String name : List.of(TorchNatives.PATH_VARIABLE, TorchNatives.VERSION_VARIABLE, TorchNatives.FLAVOR_VARIABLE,
                TorchEngine.CACHE_VARIABLE, TorchEngine.ISA_VARIABLE, "CUDA_VISIBLE_DEVICES")) {
            String value = env.apply(name);
            if (value != null) {
                set.add(name + "=" + value);
            }
        }
        return set.isEmpty() ? "no PYTORCH_*, DJL_CACHE_DIR, ONEDNN_MAX_CPU_ISA or CUDA_VISIBLE_DEVICES set" : String.join(", ", set);
    }

    private static String startedBy() {
        String launcher = UserFolders.installedLauncher();
        String tunables = System.getenv("GLIBC_TUNABLES");
        boolean child = "0".equals(System.getenv("SYNAPSE_RELAUNCH")) && tunables != null;
        String how;
        if (launcher != null) {
            how = "the installed launcher " + launcher;
        } else {
            String jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).getFileName().toString();
            how = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("-X")).toList());
            how = "java " + (how.isEmpty() ? "" : how + " ") + (jar.endsWith(".jar") ? "-jar " : "-cp ") + jar;
        }
        return how + (child ? ", in the child process it starts with malloc tuned" : "");
    }

    private static String mallocLine() {
        String tunables = System.getenv("GLIBC_TUNABLES");
        return (tunables != null ? "GLIBC_TUNABLES=" + tunables : "GLIBC_TUNABLES not set") + "; tuned: "
                + TorchEngine.allocatorTuning();
    }

}
