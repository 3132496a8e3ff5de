package org.synapseworkbench.config;

/**
 * The SYSTEM keys of a config, typed (the machine: CPU threads and GPUs), read all at once by {@link
 * Config#system()}: the one place they are read. Each component is the key its name spells ({@link SectionReader}).
 *
 * @param numCpus SYSTEM.NUM_CPUS: Worker threads that prepare training batches
 * @param numGpus SYSTEM.NUM_GPUS: Number of GPUs to use (0 = CPU only)
 */
public record SystemSection(int numCpus, int numGpus) {
}
