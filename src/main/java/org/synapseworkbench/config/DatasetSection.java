package org.synapseworkbench.config;

import java.util.List;

/**
 * The DATASET keys of a config, typed (the training data, its normalisation and padding, and the output folder):
 * the one place they are read. Each accessor reads its key from the config as it is; a key that is None and
 * required throws the {@link org.synapseworkbench.work.UserException} of {@link Config}, when it is asked for.
 */
public final class DatasetSection {
    private final Config c;

    DatasetSection(Config c) {
        this.c = c;
    }

    /** {@code DATASET.DO_2D}, a value is required. */
    public boolean do2d() {
        return c.getBool("DATASET.DO_2D");
    }

    /** {@code DATASET.IMAGE_NAME}, names split at '@', empty when None. */
    public List<String> imageName() {
        return c.getPaths("DATASET.IMAGE_NAME");
    }

    /** {@code DATASET.INPUT_PATH}, null when None. */
    public String inputPath() {
        return c.getString("DATASET.INPUT_PATH");
    }

    /** {@code DATASET.LABEL_NAME}, names split at '@', empty when None. */
    public List<String> labelName() {
        return c.getPaths("DATASET.LABEL_NAME");
    }

    /** {@code DATASET.MEAN}, a value is required. */
    public double mean() {
        return c.getDouble("DATASET.MEAN");
    }

    /** {@code DATASET.OUTPUT_PATH}, null when None. */
    public String outputPath() {
        return c.getString("DATASET.OUTPUT_PATH");
    }

    /** {@code DATASET.PAD_SIZE}, null when None. */
    public List<Integer> padSize() {
        return c.getIntList("DATASET.PAD_SIZE");
    }

    /** {@code DATASET.REJECT_SAMPLING.NUM_TRIAL}, a value is required. */
    public int rejectSamplingNumTrial() {
        return c.getInt("DATASET.REJECT_SAMPLING.NUM_TRIAL");
    }

    /** {@code DATASET.REJECT_SAMPLING.P}, a value is required. */
    public double rejectSamplingP() {
        return c.getDouble("DATASET.REJECT_SAMPLING.P");
    }

    /** {@code DATASET.REJECT_SAMPLING.SIZE_THRES}, a value is required. */
    public int rejectSamplingSizeThres() {
        return c.getInt("DATASET.REJECT_SAMPLING.SIZE_THRES");
    }

    /** {@code DATASET.STD}, a value is required. */
    public double std() {
        return c.getDouble("DATASET.STD");
    }
}
