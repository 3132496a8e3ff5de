package org.synapseworkbench.config;

import java.util.List;

/**
 * The MONITOR keys of a config, typed (logging during training), read all at once by {@link Config#monitor()}: the
 * one place they are read. Each component is the key its name spells ({@link SectionReader}).
 *
 * @param iterationNum MONITOR.ITERATION_NUM: Log scalars every first, images every second number of iterations
 */
public record MonitorSection(List<Integer> iterationNum) {
}
