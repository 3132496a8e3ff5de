package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * One of PyTC's training augmentations (section 6 of the pipeline reference). Implementations are immutable and
 * thread-safe; all randomness comes from the {@link SplittableRandom} passed to {@link #apply}, so the same draws
 * give bit-identical results.
 */
public interface Augmentation {
    /** The config name, as in {@code AUGMENTOR.<NAME>}, e.g. {@code ELASTIC}. */
    String name();

    /** Probability that the {@link Augmentor} applies this augmentation to a crop. */
    double probability();

    /**
     * The crop size (z, y, x) this augmentation needs so that its output is at least {@code outputSize} for every
     * random draw; by default the same size, for augmentations that keep it.
     */
    default int[] inputSizeFor(int[] outputSize) {
        return outputSize.clone();
    }

    /**
     * Applies the augmentation (always; the probability is the caller's business). May change {@code crop}'s
     * arrays in place and return it, or return a new crop (e.g. of another size).
     */
    Crop apply(Crop crop, SplittableRandom rng);
}
