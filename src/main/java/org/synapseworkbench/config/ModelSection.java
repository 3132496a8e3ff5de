package org.synapseworkbench.config;

import java.util.List;

/**
 * The MODEL keys of a config, typed (the network, its targets and losses): the one place they are read. Each
 * accessor reads its key from the config as it is; a key that is None and required throws the {@link
 * org.synapseworkbench.work.UserException} of {@link Config}, when it is asked for.
 */
public final class ModelSection {
    private final Config c;

    ModelSection(Config c) {
        this.c = c;
    }

    /** {@code MODEL.ACT_MODE}, null when None. */
    public String actMode() {
        return c.getString("MODEL.ACT_MODE");
    }

    /** {@code MODEL.ARCHITECTURE}, null when None. */
    public String architecture() {
        return c.getString("MODEL.ARCHITECTURE");
    }

    /** {@code MODEL.BLOCK_TYPE}, null when None. */
    public String blockType() {
        return c.getString("MODEL.BLOCK_TYPE");
    }

    /** {@code MODEL.FILTERS}, null when None. */
    public List<Integer> filters() {
        return c.getIntList("MODEL.FILTERS");
    }

    /** {@code MODEL.INPUT_SIZE}, null when None. */
    public List<Integer> inputSize() {
        return c.getIntList("MODEL.INPUT_SIZE");
    }

    /** {@code MODEL.IN_PLANES}, a value is required. */
    public int inPlanes() {
        return c.getInt("MODEL.IN_PLANES");
    }

    /** {@code MODEL.ISOTROPY}, null when None. */
    public List<Boolean> isotropy() {
        return c.getBoolList("MODEL.ISOTROPY");
    }

    /** {@code MODEL.LOSS_KWARGS_KEY}, as the YAML gives it (nested lists). */
    public Object lossKwargsKey() {
        return c.get("MODEL.LOSS_KWARGS_KEY");
    }

    /** {@code MODEL.LOSS_KWARGS_VAL}, as the YAML gives it (nested lists). */
    public Object lossKwargsVal() {
        return c.get("MODEL.LOSS_KWARGS_VAL");
    }

    /** {@code MODEL.LOSS_OPTION}, as the YAML gives it (nested lists). */
    public Object lossOption() {
        return c.get("MODEL.LOSS_OPTION");
    }

    /** {@code MODEL.LOSS_WEIGHT}, as the YAML gives it (nested lists). */
    public Object lossWeight() {
        return c.get("MODEL.LOSS_WEIGHT");
    }

    /** {@code MODEL.NORM_MODE}, null when None. */
    public String normMode() {
        return c.getString("MODEL.NORM_MODE");
    }

    /** {@code MODEL.OUTPUT_ACT}, as the YAML gives it (nested lists). */
    public Object outputAct() {
        return c.get("MODEL.OUTPUT_ACT");
    }

    /** {@code MODEL.OUT_PLANES}, a value is required. */
    public int outPlanes() {
        return c.getInt("MODEL.OUT_PLANES");
    }

    /** {@code MODEL.PAD_MODE}, null when None. */
    public String padMode() {
        return c.getString("MODEL.PAD_MODE");
    }

    /** {@code MODEL.REGU_OPT}, null when None. */
    public List<String> reguOpt() {
        return c.getStringList("MODEL.REGU_OPT");
    }

    /** {@code MODEL.REGU_WEIGHT}, null when None. */
    public List<Double> reguWeight() {
        return c.getDoubleList("MODEL.REGU_WEIGHT");
    }

    /** {@code MODEL.TARGET_OPT}, null when None. */
    public List<String> targetOpt() {
        return c.getStringList("MODEL.TARGET_OPT");
    }

    /** {@code MODEL.WEIGHT_OPT}, as the YAML gives it (nested lists). */
    public Object weightOpt() {
        return c.get("MODEL.WEIGHT_OPT");
    }
}
