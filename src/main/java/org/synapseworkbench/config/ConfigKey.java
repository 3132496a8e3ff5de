package org.synapseworkbench.config;

/**
 * One config key: its full dotted name, type, default and a one-line description.
 *
 * @param name e.g. {@code SOLVER.BASE_LR}
 * @param pytc whether PyTorch Connectomics has the key; the workbench's own keys are saved only when set, so that
 *     configs that do not use them still load in PyTC
 */
public record ConfigKey(String name, ValueType type, Object defaultValue, String description, boolean pytc) {
    /** The section path, e.g. {@code DATASET.REJECT_SAMPLING} for {@code DATASET.REJECT_SAMPLING.P}. */
    public String section() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** The last part of the name, e.g. {@code P}. */
    public String leaf() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The top-level section, e.g. {@code DATASET}. */
    public String topSection() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
