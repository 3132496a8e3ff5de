package org.synapseworkbench.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigYaml;
import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.UserException;

/**
 * A training checkpoint: one zip file holding {@code checkpoint.properties} (iteration, solver, format),
 * {@code config.yaml} (the whole config used), {@code model.params} (DJL's parameter file of the network,
 * norms' running statistics included) and {@code solver.bin} (the optimiser's buffers). Written through a
 * temporary file and renamed into place, so a crash never leaves half a checkpoint.
 */
public final class Checkpoint {
    static final String PROPERTIES = "checkpoint.properties";
    static final String CONFIG = "config.yaml";
    static final String MODEL = "model.params";
    static final String SOLVER = "solver.bin";
    static final int FORMAT = 1;
    private static final Pattern NAME = Pattern.compile("checkpoint_\\d+\\.ckpt");

    private final Properties properties;
    private final String configYaml;
    private final byte[] model;
    private final byte[] solver;

    private Checkpoint(Properties properties, String configYaml, byte[] model, byte[] solver) {
        this.properties = properties;
        this.configYaml = configYaml;
        this.model = model;
        this.solver = solver;
    }

    /**
     * The checkpoint file a person means by {@code path}: the file itself, or for a folder (an output folder) its newest
     * checkpoint.
     *
     * @throws UserException for a folder without a checkpoint in it
     */
    public static Path resolve(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        return newest(path).orElseThrow(() -> new UserException("The folder " + path + " holds no checkpoint "
                + "(checkpoint_NNNNNN.ckpt); train into it first, or give a .ckpt file."));
    }

    /**
     * The checkpoint of the most iterations in a folder, by its name ({@code checkpoint_NNNNNN.ckpt}), or empty when
     * the folder has none or does not exist.
     */
    public static Optional<Path> newest(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .max(Comparator.comparingLong(f -> Long.parseLong(f.getFileName().toString().replaceAll("\\D", ""))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Iterations completed when it was written; training resumes with this iteration's index. */
    public long iteration() {
        return Long.parseLong(properties.getProperty("iteration", "0"));
    }

    /** The config the model was trained with. */
    public Config config() {
        return ConfigYaml.mergeText(Config.defaults(), configYaml, "checkpoint");
    }

    /** Writes the state of a run. */
    public static void save(Path file, long iteration, Config config, UNet3d net, OptimizerState solver) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("iteration", Long.toString(iteration));
        p.setProperty("model", net.spec().toString());
        p.setProperty("solver", solver == null ? "none" : solver.kindName());
        p.setProperty("solver.steps", Long.toString(solver == null ? 0 : solver.stepCount()));
        p.setProperty("written", java.time.Instant.now().toString());
        Path tmp = AtomicFiles.temporaryBeside(file);
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
                    ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry(PROPERTIES));
                p.store(zip, "Synapse Workbench checkpoint");
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(CONFIG));
                zip.write(ConfigYaml.toYaml(config).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MODEL));
                DataOutputStream data = new DataOutputStream(zip);
                net.saveParameters(data);
                data.flush();
                zip.closeEntry();
                if (solver != null) {
                    zip.putNextEntry(new ZipEntry(SOLVER));
                    writeSolver(new DataOutputStream(zip), solver);
                    zip.closeEntry();
                }
            }
            AtomicFiles.moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeSolver(DataOutputStream out, OptimizerState solver) throws IOException {
        out.writeUTF(solver.kindName());
        out.writeLong(solver.stepCount());
        out.writeInt(solver.state().size());
        for (Map.Entry<String, NDArray[]> e : solver.state().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (NDArray a : e.getValue()) {
                byte[] bytes = a.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
        out.flush();
    }

    /** Reads a checkpoint file, with a clear error when it is missing or not a checkpoint. */
    public static Checkpoint read(Path given) {
        Path file = resolve(given);
        Properties p = null;
        String yaml = null;
        byte[] model = null;
        byte[] solver = null;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserException("The checkpoint " + file + " is not a regular file (a folder, named pipe or device); "
                    + "give the path of a .ckpt file written by training.");
        }
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file)); ZipInputStream zip = new ZipInputStream(is)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                switch (e.getName()) {
                    case PROPERTIES -> {
                        p = new Properties();
                        p.load(new ByteArrayInputStream(bytes));
                    }
                    case CONFIG -> yaml = new String(bytes, StandardCharsets.UTF_8);
                    case MODEL -> model = bytes;
                    case SOLVER -> solver = bytes;
                    default -> {
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserException("The checkpoint " + file + " does not exist; check the path given to --checkpoint.");
        } catch (ZipException | java.io.EOFException e) {
            throw new UserException("The checkpoint " + file + " is damaged or not a Synapse Workbench checkpoint ("
                    + e.getMessage() + "); use another checkpoint file.");
        } catch (IOException e) {
            throw new UserException("The checkpoint " + file + " cannot be read: " + e.getMessage() + ".");
        }
        if (p == null || yaml == null || model == null) {
            throw new UserException("The checkpoint " + file + " is incomplete or not a Synapse Workbench checkpoint; "
                    + "use a file written by training.");
        }
        return new Checkpoint(p, yaml, model, solver);
    }

    /** Loads the weights into {@code net}, which must have the checkpoint's architecture. */
    public void loadWeights(UNet3d net, NDManager manager, Path file) {
        ModelSpec saved = ModelSpec.fromConfig(config());
        if (!saved.equals(net.spec())) {
            throw new UserException("The checkpoint " + file + " holds a " + saved + " model but the config describes a "
                    + net.spec() + " model; use the config the checkpoint was trained with.");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(model))) {
            net.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new UserException("The weights in checkpoint " + file + " cannot be loaded (" + e.getMessage()
                    + "); the file is damaged or from another version.");
        }
    }

    /** Restores the optimiser's buffers when the checkpoint has them for the same optimiser. */
    public boolean loadSolver(OptimizerState target, NDManager manager) {
        if (solver == null) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(solver));
                NDManager scratch = manager.newSubManager()) {
            String kind = in.readUTF();
            long steps = in.readLong();
            if (!kind.equals(target.kindName())) {
                return false;
            }
            int n = in.readInt();
            Map<String, NDArray[]> state = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                NDArray[] buffers = new NDArray[in.readInt()];
                for (int b = 0; b < buffers.length; b++) {
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    buffers[b] = scratch.decode(bytes);
                }
                state.put(name, buffers);
            }
            target.restore(state, steps);
            return true;
        } catch (IOException e) {
            throw new UserException("The optimiser state in the checkpoint is damaged (" + e.getMessage()
                    + "); use another checkpoint or set SOLVER.ITERATION_RESTART True to start over from its weights.");
        }
    }
}
