package org.synapseworkbench.data.augment;

/** What every augmentation has: its config name and the probability that the {@link Augmentor} applies it. */
abstract class BaseAugmentation implements Augmentation {
    private final String name;
    private final double probability;

    BaseAugmentation(String name, double probability) {
        Geometry.checkProbability(probability);
        this.name = name;
        this.probability = probability;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final double probability() {
        return probability;
    }
}
