package org.synapseworkbench.config;

/**
 * The SYSTEM keys of a config, typed (the machine: CPU threads and GPUs): the one place they are read. Each
 * accessor reads its key from the config as it is; a key that is None and required throws the {@link
 * org.synapseworkbench.work.UserException} of {@link Config}, when it is asked for.
 */
public final class SystemSection {
    private final Config c;

    SystemSection(Config c) {
        this.c = c;
    }

    /** {@code SYSTEM.NUM_CPUS}, a value is required. */
    public int numCpus() {
        return c.getInt("SYSTEM.NUM_CPUS");
    }

    /** {@code SYSTEM.NUM_GPUS}, a value is required. */
    public int numGpus() {
        return c.getInt("SYSTEM.NUM_GPUS");
    }
}
