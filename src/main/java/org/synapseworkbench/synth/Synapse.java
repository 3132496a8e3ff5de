package org.synapseworkbench.synth;

/**
 * One generated synapse: its cleft id {@code id}, whose pre side is labelled {@code 2 id - 1} and post side
 * {@code 2 id} in the polarity volume.
 *
 * @param preNeuron  neuron id of the presynaptic cell (the one with the vesicle cloud)
 * @param postNeuron neuron id of the postsynaptic cell
 * @param center     centre in voxels (z, y, x)
 */
public record Synapse(int id, int preNeuron, int postNeuron, int[] center, long cleftVoxels, long preVoxels,
                      long postVoxels) {
}
