package org.synapseworkbench.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.cli.Main;
import org.synapseworkbench.model.TorchNatives;

/** The doctor's report: why no GPU is used, for each kind of libtorch, and the report of this process. */
class SystemReportTest {
    private static final TorchNatives.Choice BUNDLED =
            new TorchNatives.Choice(TorchNatives.Source.BUNDLED, Path.of("/opt/x/lib/app/libtorch"), "2.7.1", "cpu");
    private static final TorchNatives.Choice CUDA =
            new TorchNatives.Choice(TorchNatives.Source.USER, Path.of("/venv/torch/lib"), "2.7.1", "cu128");

    @Test
    void aCpuBuildSaysWhatToInstallAndSet() {
        assertEquals("this libtorch is a CPU build (the CPU libtorch installed with the program); for an NVIDIA GPU, install "
                + "torch 2.7.1 with CUDA 12.8 (pip) and set PYTORCH_LIBRARY_PATH to its torch/lib folder, as docs/gpu.md shows.",
                SystemReport.whyNoGpu(BUNDLED, "linux-x86_64", Map.<String, String>of()::get));
        assertEquals("macOS has no CUDA; PyTorch runs on the CPU there.",
                SystemReport.whyNoGpu(BUNDLED, "osx-aarch64", Map.<String, String>of()::get));
        assertTrue(SystemReport.whyNoGpu(BUNDLED, "win-x86_64", Map.<String, String>of()::get).endsWith(
                "for an NVIDIA GPU, see docs/gpu.md (tested on Linux x86-64 only)."));
    }

    @Test
    void aCudaBuildWithoutGpuPointsAtTheDriverOrTheHidingVariable() {
        assertEquals("libtorch is a CUDA build (cu128), but CUDA finds no GPU: check the NVIDIA driver with nvidia-smi (its "
                + "'CUDA Version' must be 12.8 or newer).", SystemReport.whyNoGpu(CUDA, "linux-x86_64", Map.<String, String>of()::get));
        assertEquals("libtorch is a CUDA build (cu128), but CUDA_VISIBLE_DEVICES=\"-1\" hides every GPU; unset it.",
                SystemReport.whyNoGpu(CUDA, "linux-x86_64", Map.of("CUDA_VISIBLE_DEVICES", "-1")::get));
    }

    @Test
    void theSettingsLineListsOnlyWhatIsSet() {
        assertEquals("PYTORCH_LIBRARY_PATH=/venv/torch/lib, PYTORCH_FLAVOR=cu128",
                SystemReport.settings(Map.of("PYTORCH_LIBRARY_PATH", "/venv/torch/lib", "PYTORCH_FLAVOR", "cu128", "HOME", "/root")::get));
        assertTrue(SystemReport.settings(Map.<String, String>of()::get).startsWith("no PYTORCH_*"));
    }

    @Test
    void doctorReportsTheLibtorchThisProcessLoaded() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"doctor"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        String text = out.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains("libtorch:    2.7.1 cpu, the CPU libtorch in the program's libraries"), text);
        assertTrue(text.contains("Devices:     cpu()"), text);
        assertTrue(text.contains("GPU:         none used: this libtorch is a CPU build"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("Kernels:")), text);
    }
}
