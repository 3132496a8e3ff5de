package org.synapseworkbench.app;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

import org.synapseworkbench.cli.Main;
import org.synapseworkbench.model.TorchEngine;
import org.synapseworkbench.ui.WorkbenchApp;
import org.synapseworkbench.ui.bench.ViewerBenchmark;

/**
 * The program's one entry point. {@code workbench [FILE[:DATASET]]}, or no arguments where there is a display, opens
 * the desktop workbench; {@code benchmark viewer} measures the window; anything else is a headless command
 * ({@link Main}), as is no argument without a display (the text demo). Commands that run libtorch, and the window,
 * run in a child process whose malloc is tuned from the start ({@link MallocRelaunch}); this process then only waits.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("workbench") && Arrays.asList(args).stream()
                .anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
            System.out.println("Usage: synapse-workbench " + Main.WINDOW_USAGE);
            System.out.println(Main.WINDOW_HELP.replace("\n", System.lineSeparator()));
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("workbench") || args.length == 0 && displayAvailable()) {
            requireDisplay("the workbench window");
            relaunchTuned(args);
            TorchEngine.prepareProcess();
            if (!WorkbenchApp.launchWindow(args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args)) {
                System.exit(Main.USER_ERROR);
            } // else the program ends once the jobs that must finish (a file being saved) have
        } else if (args.length >= 2 && args[0].equals("benchmark") && args[1].equals("viewer")) {
            requireDisplay("the viewer benchmark, which opens a real window,");
            TorchEngine.prepareProcess();
            System.exit(ViewerBenchmark.run(Arrays.copyOfRange(args, 2, args.length)));
        } else {
            TorchEngine.markCommandProcess(); // commands may then choose the engine's kernels
            String[] command = Main.pytcForm(args);
            if (MallocRelaunch.usesTorch(command)) {
                relaunchTuned(args);
            }
            if (Main.predictsOnly(command)) {
                TorchEngine.preferKernelsForCommand(TorchEngine.Kernels.INFERENCE);
            }
            System.exit(Main.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
    }

    /** Runs this program again in a tuned child and exits with its code, unless this process should go on itself. */
    private static void relaunchTuned(String[] args) {
        Integer code = MallocRelaunch.relaunch(args);
        if (code != null) {
            System.exit(code);
        }
    }

    private static void requireDisplay(String what) {
        if (!displayAvailable()) {
            System.err.println("error: " + what + " needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set; run it "
                    + "on a desktop or under a virtual display (xvfb-run -a java -jar ...), or use the headless commands "
                    + "(--help lists them).");
            System.exit(Main.USER_ERROR);
        }
    }

    /** Whether a window can be shown: always on Windows and macOS, with DISPLAY or WAYLAND_DISPLAY elsewhere. */
    static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return isSet(System.getenv("DISPLAY")) || isSet(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
