package org.synapseworkbench.infer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * Inference as PyTC's {@code --inference} runs it: every image of INFERENCE.IMAGE_NAME (else DATASET.IMAGE_NAME;
 * names joined by {@code @} or listed, under INFERENCE.INPUT_PATH, else DATASET.INPUT_PATH, unless
 * IS_ABSOLUTE_PATH) is predicted and written to INFERENCE.OUTPUT_PATH / OUTPUT_NAME as datasets {@code vol0},
 * {@code vol1}, ... With DO_SINGLY each volume gets its own file, {@code NAME_<index>.h5}, written as soon as it is
 * done (DO_SINGLY_START_INDEX, DO_SINGLY_STEP choose the volumes). Files are written atomically.
 */
public final class InferenceRun {
    private final Config config;
    private final Path workingDirectory;

    public InferenceRun(Config config, Path workingDirectory) {
        this.config = config;
        this.workingDirectory = workingDirectory;
    }

    /** The images to predict, as the config names them (files, or arrays in stores). */
    public List<VolumeSpec> imageSpecs() {
        return images();
    }

    private List<VolumeSpec> images() {
        List<String> names = config.inference().imageName();
        if (names.isEmpty()) {
            names = config.dataset().imageName();
        }
        if (names.isEmpty()) {
            throw new UserException("There is no image to predict; set INFERENCE.IMAGE_NAME (or DATASET.IMAGE_NAME).");
        }
        if (config.inference().chunkedTitles()) {
            throw new UserException("INFERENCE.DO_CHUNK_TITLE (tiled JSON volumes) is not supported; convert the tiles "
                    + "to an HDF5 volume and name it in INFERENCE.IMAGE_NAME.");
        }
        boolean absolute = config.inference().absolutePaths();
        String input = config.inference().inputPath();
        if (input == null) {
            input = config.dataset().inputPath();
        }
        Path base = absolute ? workingDirectory : workingDirectory.resolve(input == null ? "" : input);
        List<VolumeSpec> out = new ArrayList<>();
        for (String name : names) {
            out.add(VolumeSpec.parse(name, base));
        }
        return out;
    }

    /** Where results go: one file, or with DO_SINGLY one per predicted volume. */
    public Path outputFile(int index) {
        String dir = config.inference().outputPath();
        Path folder = workingDirectory.resolve(dir == null ? "" : dir);
        String name = config.inference().outputName();
        if (name == null || name.isBlank()) {
            name = "result.h5";
        }
        if (!config.inference().doSingly()) {
            return folder.resolve(name);
        }
        String stem = name.endsWith(".h5") ? name.substring(0, name.length() - 3) : name;
        return folder.resolve(stem + "_" + index + ".h5");
    }

    /**
     * Predicts every volume with {@code predictor} (a {@link Predictor}) and writes the results; returns the files written.
     *
     * @throws Cancellation.CancelledException when cancelled; files already complete stay, nothing half-written does
     */
    public List<Path> run(WindowModel predictor, Progress progress, Cancellation cancellation) {
        VolumeInference inference = new VolumeInference(predictor, VolumeInference.Settings.fromConfig(config));
        List<VolumeSpec> images = images();
        boolean singly = config.inference().doSingly();
        int start = singly ? config.inference().doSinglyStartIndex() : 0;
        int step = singly ? Math.max(1, config.inference().doSinglyStep()) : 1;
        List<Path> written = new ArrayList<>();
        Hdf5Writer together = new Hdf5Writer();
        for (int i = start; i < images.size(); i += step) {
            VolumeSpec spec = images.get(i);
            Block result;
            double[] resolution;
            try (ChunkedVolume image = VolumeFiles.open(spec, Cremi.RAW)) {
                resolution = image.resolution();
                result = inference.predict(image, progress, cancellation);
            }
            Hdf5Writer writer = singly ? new Hdf5Writer() : together;
            writer.dataset("vol" + (singly ? 0 : i), result, java.util.Map.of("resolution", resolution, "channels",
                    TargetKind.of(config.model().targetOpt().get(0)).channelNames()));
            if (singly) {
                written.add(write(writer, outputFile(i)));
            }
        }
        if (!singly) {
            written.add(write(together, outputFile(0)));
        }
        return written;
    }

    private static Path write(Hdf5Writer writer, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new UserException("Could not create the folder of '" + file + "' (" + e.getMessage() + "); choose a "
                    + "writable INFERENCE.OUTPUT_PATH.", e);
        }
        writer.write(file);
        return file;
    }
}
