package org.synapseworkbench.config;

import java.util.List;

/**
 * The INFERENCE keys of a config, typed (prediction: the volumes, the windows, test-time augmentation and the
 * result files): the one place they are read. Each accessor reads its key from the config as it is; a key that is
 * None and required throws the {@link org.synapseworkbench.work.UserException} of {@link Config}, when it is asked
 * for.
 */
public final class InferenceSection {
    private final Config c;

    InferenceSection(Config c) {
        this.c = c;
    }

    /** {@code INFERENCE.AUG_MODE}, null when None. */
    public String augMode() {
        return c.getString("INFERENCE.AUG_MODE");
    }

    /** {@code INFERENCE.AUG_NUM}: the number of test-time augmentation views, or null when not a number (None: all). */
    public Integer augNum() {
        Object v = c.get("INFERENCE.AUG_NUM");
        return v instanceof Number n ? n.intValue() : null;
    }

    /** {@code INFERENCE.DO_CHUNK_TITLE}: whether tiled JSON volumes are asked for (a non-zero number). */
    public boolean doChunkTitle() {
        return c.get("INFERENCE.DO_CHUNK_TITLE") instanceof Number n && n.intValue() != 0;
    }

    /** {@code INFERENCE.DO_SINGLY}, a value is required. */
    public boolean doSingly() {
        return c.getBool("INFERENCE.DO_SINGLY");
    }

    /** {@code INFERENCE.DO_SINGLY_START_INDEX}, a value is required. */
    public int doSinglyStartIndex() {
        return c.getInt("INFERENCE.DO_SINGLY_START_INDEX");
    }

    /** {@code INFERENCE.DO_SINGLY_STEP}, a value is required. */
    public int doSinglyStep() {
        return c.getInt("INFERENCE.DO_SINGLY_STEP");
    }

    /** {@code INFERENCE.IMAGE_NAME}, names split at '@', empty when None. */
    public List<String> imageName() {
        return c.getPaths("INFERENCE.IMAGE_NAME");
    }

    /** {@code INFERENCE.INPUT_PATH}, null when None. */
    public String inputPath() {
        return c.getString("INFERENCE.INPUT_PATH");
    }

    /** {@code INFERENCE.INPUT_SIZE}, null when None. */
    public List<Integer> inputSize() {
        return c.getIntList("INFERENCE.INPUT_SIZE");
    }

    /** {@code INFERENCE.IS_ABSOLUTE_PATH}: whether INFERENCE.IMAGE_NAME holds absolute paths (True). */
    public boolean isAbsolutePath() {
        return Boolean.TRUE.equals(c.get("INFERENCE.IS_ABSOLUTE_PATH"));
    }

    /** {@code INFERENCE.OUTPUT_ACT}, null when None. */
    public List<String> outputAct() {
        return c.getStringList("INFERENCE.OUTPUT_ACT");
    }

    /** {@code INFERENCE.OUTPUT_NAME}, null when None. */
    public String outputName() {
        return c.getString("INFERENCE.OUTPUT_NAME");
    }

    /** {@code INFERENCE.OUTPUT_PATH}, null when None. */
    public String outputPath() {
        return c.getString("INFERENCE.OUTPUT_PATH");
    }

    /** {@code INFERENCE.PAD_SIZE}, null when None. */
    public List<Integer> padSize() {
        return c.getIntList("INFERENCE.PAD_SIZE");
    }

    /** {@code INFERENCE.SAMPLES_PER_BATCH}, a value is required. */
    public int samplesPerBatch() {
        return c.getInt("INFERENCE.SAMPLES_PER_BATCH");
    }

    /** {@code INFERENCE.STRIDE}, null when None. */
    public List<Integer> stride() {
        return c.getIntList("INFERENCE.STRIDE");
    }
}
