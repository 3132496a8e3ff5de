package org.synapseworkbench.config;

import java.util.List;

/**
 * The MONITOR keys of a config, typed (logging during training): the one place they are read. Each accessor reads
 * its key from the config as it is; a key that is None and required throws the {@link
 * org.synapseworkbench.work.UserException} of {@link Config}, when it is asked for.
 */
public final class MonitorSection {
    private final Config c;

    MonitorSection(Config c) {
        this.c = c;
    }

    /** {@code MONITOR.ITERATION_NUM}, null when None. */
    public List<Integer> iterationNum() {
        return c.getIntList("MONITOR.ITERATION_NUM");
    }
}
