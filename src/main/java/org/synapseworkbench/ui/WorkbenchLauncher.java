package org.synapseworkbench.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;

import org.synapseworkbench.cli.Main;
import org.synapseworkbench.cli.MallocRelaunch;
import org.synapseworkbench.model.TorchEngine;

/**
 * The program's entry point (a main class that is not an {@link Application}, as JavaFX on the class path needs).
 * {@code workbench [FILE[:DATASET]]}, or no arguments where there is a display, opens the desktop workbench;
 * anything else is a headless command ({@link Main}), as is no argument without a display (the text demo).
 */
public final class WorkbenchLauncher {
    /** JavaFX warns on every start that it runs from the class path, which is how this program ships it. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("workbench")) {
            if (!displayAvailable()) {
                System.err.println("error: the workbench window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY "
                        + "is set; run it on a desktop, or use the headless commands (--help lists them).");
                System.exit(Main.USER_ERROR);
            }
            relaunchTuned(args);
            TorchEngine.prepareProcess();
            launch(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length >= 2 && args[0].equals("benchmark") && args[1].equals("viewer")) {
            JAVAFX_LOG.setLevel(Level.SEVERE);
            TorchEngine.prepareProcess();
            try {
                ViewerBenchmark.main(Arrays.copyOfRange(args, 2, args.length));
            } catch (Exception e) {
                System.err.println("error: the viewer benchmark failed: " + e);
                System.exit(1);
            }
        } else if (args.length == 0 && displayAvailable()) {
            relaunchTuned(args);
            TorchEngine.prepareProcess();
            launch(args);
        } else {
            Main.main(args);
        }
    }

    /**
     * The window trains and predicts in its own process, so it runs, like the headless torch commands, in a child
     * JVM whose malloc is tuned from the start ({@link MallocRelaunch}); this process only waits for it.
     */
    private static void relaunchTuned(String[] args) {
        Integer code = MallocRelaunch.relaunch(WorkbenchLauncher.class, args);
        if (code != null) {
            System.exit(code);
        }
    }

    private static void launch(String[] args) {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        try {
            Application.launch(WorkbenchApp.class, args);
        } catch (UnsupportedOperationException e) {
            System.err.println("error: the workbench window cannot open (" + e.getMessage() + "); check the display, or use "
                    + "the headless commands (--help lists them).");
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
