package org.synapseworkbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.work.UserException;

/** The image/label pairs a config names (DATASET.IMAGE_NAME and LABEL_NAME under INPUT_PATH), opened lazily. */
public final class TrainingSet implements AutoCloseable {
    private final List<TrainingVolume> volumes;

    public TrainingSet(List<TrainingVolume> volumes) {
        if (volumes.isEmpty()) {
            throw new UserException("There is no training volume; set DATASET.IMAGE_NAME and DATASET.LABEL_NAME.");
        }
        this.volumes = List.copyOf(volumes);
    }

    /**
     * Opens every pair of the config. Names are relative to DATASET.INPUT_PATH (itself relative to
     * {@code workingDirectory}) and may be {@code FILE:DATASET}; CREMI files give their raw image and, for
     * polarity targets, their polarity labels, otherwise their clefts.
     */
    public static TrainingSet fromConfig(Config config, Path workingDirectory) {
        List<String> images = config.dataset().imageName();
        List<String> labels = config.dataset().labelName();
        if (images.isEmpty()) {
            throw new UserException("DATASET.IMAGE_NAME is empty; name the training image volumes (joined by @ or as a list).");
        }
        if (labels.size() != images.size()) {
            throw new UserException("DATASET.IMAGE_NAME names " + images.size() + " volumes but DATASET.LABEL_NAME "
                    + labels.size() + "; give one label volume per image.");
        }
        String inputPath = config.dataset().inputPath();
        Path base = workingDirectory.resolve(inputPath == null ? "" : inputPath);
        boolean polarity = config.model().targetOpt().stream().anyMatch(t -> t.startsWith("1"));
        int[] pad = config.dataset().padSize().stream().mapToInt(Integer::intValue).toArray();
        if (pad.length != 3) {
            throw new UserException("DATASET.PAD_SIZE needs 3 numbers (z, y, x), but has " + pad.length + ".");
        }
        List<TrainingVolume> volumes = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ChunkedVolume image = open(base, images.get(i), Cremi.RAW);
            ChunkedVolume label = open(base, labels.get(i), polarity ? Cremi.POLARITY : Cremi.CLEFTS);
            volumes.add(new TrainingVolume(image, label, pad, config.dataset().normalizeSections()));
        }
        return new TrainingSet(volumes);
    }

    private static ChunkedVolume open(Path base, String name, String preferred) {
        VolumeSpec spec = VolumeSpec.parse(name, base);
        return VolumeFiles.open(spec, preferred);
    }

    public List<TrainingVolume> volumes() {
        return volumes;
    }

    /** Closes the files behind the volumes. */
    @Override
    public void close() {
        for (TrainingVolume v : volumes) {
            for (Object o : new Object[] {v.image(), v.label()}) {
                if (o instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // closing a read-only file: nothing to save
                    }
                }
            }
        }
    }
}
