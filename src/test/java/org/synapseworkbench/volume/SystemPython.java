package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Debian's Python (/usr/bin/python3) with the modules the cross-check tests use (installed by .ci/run). */
public final class SystemPython {
    public static final String PYTHON = "/usr/bin/python3";

    private SystemPython() {
    }

    /** Whether these modules import, e.g. {@code "zarr, numcodecs"}. */
    public static boolean has(String modules) {
        try {
            return new ProcessBuilder(PYTHON, "-c", "import " + modules).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs a script with arguments; its output, after checking that it exited with 0. */
    public static String run(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
