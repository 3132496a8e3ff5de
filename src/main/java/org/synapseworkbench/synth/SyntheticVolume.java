package org.synapseworkbench.synth;

import java.util.List;

import org.synapseworkbench.volume.Block;

/**
 * A generated EM volume and its exact labels, all (z, y, x) at {@link SynthParams#RESOLUTION}. Labels use 0 for
 * background: clefts hold the synapse id, polarity holds 2k-1 on the pre side and 2k on the post side of
 * synapse k, neurons hold a cell id.
 */
public record SyntheticVolume(SynthParams params, Block image, Block clefts, Block polarity, Block neurons,
                              List<Synapse> synapses) {
}
