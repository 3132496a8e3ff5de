package org.synapseworkbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The peer programs the benchmarks measure against, carried in the program itself (their sources are in
 * {@code src/main/resources/org/synapseworkbench/bench/}): h5py reading, the PyTC-style U-Net in PyTorch, SciPy's
 * distance transforms and labelling. Each runs in a Python chosen by {@code --python}, by default the system's
 * {@code /usr/bin/python3}, where Debian's python3-torch, python3-h5py and python3-scipy are installed.
 */
final class Peers {
    /** h5py reading a volume: open and first section, whole volume. */
    static final String H5PY_READ = "h5py_read_peer.py";
    /** The PyTC-style 3D U-Net in plain PyTorch: training steps and inference windows. */
    static final String PYTORCH_UNET = "pytorch_unet_reference.py";
    /** SciPy: anisotropic distance transforms, CREMI cleft metrics, 6-connected labelling. */
    static final String SCIPY = "scipy_reference.py";
    /** zarr-python reading Zarr arrays: {@code benchmark zarr-read}. */
    static final String ZARR_READ = "zarr_read_peer.py";

    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private Peers() {
    }

    /**
     * The Python for a peer: {@code option} when given ({@code null} for "none"), else the system's python3 (not a
     * virtual environment's that may come first on the PATH), else python3 from the PATH.
     */
    static String python(String option) {
        if ("none".equals(option)) {
            return null;
        }
        if (option != null) {
            return option;
        }
        return Files.isExecutable(SYSTEM_PYTHON) ? SYSTEM_PYTHON.toString() : "python3";
    }

    /** Runs the peer {@code script} with {@code python}; its last output line, or null when it fails. */
    static String run(String python, String script, String... args) throws IOException, InterruptedException {
        return run(python, Map.of(), script, args);
    }

    /**
     * Runs the peer {@code script} with the environment this program was started with plus {@code env} (not with what
     * {@link org.synapseworkbench.model.TorchEngine} set in the process since); its last output line, or null when it
     * fails. The script is written to a temporary file for the run and removed after.
     */
    static String run(String python, Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        String output = runAll(python, env, script, args);
        if (output == null) {
            return null;
        }
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** Runs the peer {@code script} with {@code python}; all its output, or null when it fails. */
    static String runAll(String python, String script, String... args) throws IOException, InterruptedException {
        return runAll(python, Map.of(), script, args);
    }

    private static String runAll(String python, Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile(script.replace(".py", "-"), ".py");
        try {
            try (InputStream in = Peers.class.getResourceAsStream(script)) {
                if (in == null) {
                    throw new IllegalStateException("the peer " + script + " is missing from the program");
                }
                Files.write(file, in.readAllBytes());
            }
            List<String> cmd = new ArrayList<>(List.of(python.split(" ")));
            cmd.add(file.toString());
            cmd.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
            // environment() is the JVM's start-up copy: setting it makes the child get exactly that plus env
            builder.environment().putAll(env);
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? output : null;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
