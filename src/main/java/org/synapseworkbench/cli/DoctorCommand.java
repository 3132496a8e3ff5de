package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.synapseworkbench.workflow.SystemReport;

/**
 * {@code doctor}: the program and Java versions, which libtorch was loaded from where, the devices PyTorch sees and,
 * without a GPU, why and what to set; kernels, malloc settings and folders ({@link SystemReport}). Exit code 1 when
 * libtorch cannot be loaded.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Show what the program runs on: versions, the libtorch loaded and from where, the devices PyTorch sees "
                + "(and, without a GPU, why and what to set), the kernels, malloc settings and folders.",
            "Paste its output into a bug report."})
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SystemReport report = SystemReport.gather();
        out.print(report.text());
        out.flush();
        return report.engineLoaded() ? 0 : Main.NEGATIVE;
    }
}
