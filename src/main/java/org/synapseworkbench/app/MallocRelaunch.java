package org.synapseworkbench.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.synapseworkbench.UserFolders;
import org.synapseworkbench.cli.Main;
import org.synapseworkbench.model.TorchEngine;

/**
 * Runs a command that works with libtorch in a child JVM whose glibc malloc is tuned from its first allocation
 * ({@code TorchEngine.startupMallocTunables()}: one arena, large blocks kept for reuse). A running JVM cannot get
 * this any more (see {@code NativeAllocator}); measured on {@code benchmark infer}, it is the difference between
 * 0.9 and 0.5 s per window. The parent only waits: the child has the same standard streams, and its exit code
 * is the parent's; stopping the parent (Ctrl-C, a signal) stops the child the same way and waits for it, so
 * training still writes its checkpoint. {@code SYNAPSE_RELAUNCH=0} keeps everything in one process.
 */
final class MallocRelaunch {
    /** Set to 0 to run in one process; the child gets it set to 0. */
    static final String VARIABLE = "SYNAPSE_RELAUNCH";
    private static final Set<String> TORCH_COMMANDS = Set.of("train", "infer", "doctor");
    private static final Set<String> TORCH_BENCHMARKS = Set.of("train", "infer", "learning");

    private MallocRelaunch() {
    }

    /** Whether the command (after {@link Main#pytcForm}) runs libtorch. */
    static boolean usesTorch(String[] args) {
        if (args.length > 0 && TORCH_COMMANDS.contains(args[0])) {
            return true;
        }
        return args.length > 1 && args[0].equals("benchmark") && TORCH_BENCHMARKS.contains(args[1]);
    }

    /**
     * The command line that starts this program again with {@code args}: the same java, JVM options, class path
     * and main class; or, under a native launcher (jpackage), the launcher itself. Null when unknown.
     */
    static List<String> childCommand(String executable, List<String> jvmOptions, String classPath, String[] args) {
        if (executable == null) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(executable);
        String name = Path.of(executable).getFileName().toString();
        if (name.equals("java") || name.equals("java.exe")) {
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classPath);
            command.add(Launcher.class.getName());
        }
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs this program with {@code args} in a child process whose malloc is tuned from the start, and returns its exit
     * code; null when this process should go on itself (already a child, switched off, the tunables unknown on this
     * platform, or no child could be started).
     */
    static Integer relaunch(String[] args) {
        String tunables = TorchEngine.startupMallocTunables();
        if (tunables == null || !allowed()) {
            return null;
        }
        List<String> command = childCommand(executable(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), args);
        return command == null ? null : run(command, tunables);
    }

    /**
     * What started this process: the native launcher of an installed workbench (jpackage names it in
     * {@value #APP_PATH}), else the running executable ({@code java}); null when unknown.
     */
    static String executable() {
        String launcher = UserFolders.installedLauncher();
        return launcher != null ? launcher : ProcessHandle.current().info().command().orElse(null);
    }

    /** The system property in which jpackage's launcher names itself. */
    static final String APP_PATH = UserFolders.LAUNCHER_PROPERTY;

    /**
     * Set by jpackage's launcher (JDK 17 to 25) in its own environment; a launcher that inherits it takes its
     * arguments for JVM options and a main class, so the child must not see it.
     */
    static final String JPACKAGE_MARK = "_JPACKAGE_LAUNCHER";

    /** Starts {@code command} with the tuned environment, waits for it and returns its exit code (null: not started). */
    static Integer run(List<String> command, String tunables) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("GLIBC_TUNABLES", tunables);
        builder.environment().put(VARIABLE, "0");
        builder.environment().remove(JPACKAGE_MARK);
        Process child;
        try {
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // Ctrl-C reaches the child from the terminal too; a signal to the parent alone is passed on
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-child");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return Main.INTERNAL_ERROR;
        } catch (IllegalStateException shuttingDown) {
            return child.exitValue();
        }
    }

    /** Whether this process may start a tuned child: not one already, and not switched off. */
    static boolean allowed() {
        return !"0".equals(System.getenv(VARIABLE));
    }
}
