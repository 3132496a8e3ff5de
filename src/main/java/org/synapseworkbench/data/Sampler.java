package org.synapseworkbench.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.synapseworkbench.data.augment.Augmentor;
import org.synapseworkbench.data.augment.Crop;
import org.synapseworkbench.work.UserException;

/**
 * Draws training crops (reference section 6): a volume with probability proportional to its number of crop
 * positions, a uniform position, a crop larger than the model input so that augmentations have margin,
 * augmentation, then the centre of the model's input size. With rejection sampling on (SIZE_THRES > 0) a
 * crop with fewer than SIZE_THRES labelled voxels is drawn again with probability P, at most NUM_TRIAL times.
 * With a {@link SamplingFocus} a share of the crops is placed on its voxels instead (and not rejected). The same
 * seed gives the same crop.
 */
public final class Sampler {
    private final List<TrainingVolume> volumes;
    private final Augmentor augmentor;
    private final int[] outputSize;
    private final int[] cropSize;
    private final long[] cumulativePositions;
    private final int sizeThreshold;
    private final double rejectP;
    private final int trials;
    private final SamplingFocus focus;

    /**
     * @param augmentor null for none
     * @param sizeThreshold minimum labelled voxels, or 0 or less for no rejection
     */
    public Sampler(TrainingSet set, Augmentor augmentor, int[] outputSize, int sizeThreshold, double rejectP,
            int trials) {
        this(set, augmentor, outputSize, sizeThreshold, rejectP, trials, null);
    }

    /** As above, and crops cover the voxels of {@code focus} (null for none) more often. */
    public Sampler(TrainingSet set, Augmentor augmentor, int[] outputSize, int sizeThreshold, double rejectP,
            int trials, SamplingFocus focus) {
        if (focus != null && (focus.volume() < 0 || focus.volume() >= set.volumes().size())) {
            throw new IllegalArgumentException("focus on volume " + focus.volume() + " of " + set.volumes().size());
        }
        this.focus = focus;
        this.volumes = set.volumes();
        this.augmentor = augmentor;
        this.outputSize = outputSize.clone();
        this.cropSize = augmentor == null ? outputSize.clone() : augmentor.inputSizeFor(outputSize);
        this.sizeThreshold = sizeThreshold;
        this.rejectP = rejectP;
        this.trials = Math.max(1, trials);
        cumulativePositions = new long[volumes.size()];
        long total = 0;
        for (int i = 0; i < volumes.size(); i++) {
            total += volumes.get(i).positions(cropSize);
            cumulativePositions[i] = total;
        }
        if (total == 0) {
            TrainingVolume v = volumes.get(0);
            throw new UserException("Every training volume is smaller than a training crop: crops are "
                    + Arrays.toString(cropSize) + " (MODEL.INPUT_SIZE " + Arrays.toString(outputSize)
                    + " plus the augmentations' margin) but " + v.image().name() + " padded is "
                    + Arrays.toString(v.paddedShape()) + "; use a smaller MODEL.INPUT_SIZE, a larger DATASET.PAD_SIZE, "
                    + "or turn off augmentations that need margin.");
        }
    }

    /** One augmented crop of the model's input size. */
    public Crop sample(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        if (focus != null && focus.share() > 0 && random.nextDouble() < focus.share()) {
            return focused(random); // never rejected: a correction to background teaches as much as one to a synapse
        }
        Crop crop = null;
        for (int trial = 0; trial < trials; trial++) {
            crop = draw(random);
            if (sizeThreshold <= 0 || labelled(crop) >= sizeThreshold || random.nextDouble() >= rejectP) {
                return crop;
            }
        }
        return crop;
    }

    private Crop draw(SplittableRandom random) {
        long total = cumulativePositions[cumulativePositions.length - 1];
        long pick = random.nextLong(total);
        int v = 0;
        while (pick >= cumulativePositions[v]) {
            v++;
        }
        TrainingVolume volume = volumes.get(v);
        int[] padded = volume.paddedShape();
        int[] start = new int[3];
        for (int d = 0; d < 3; d++) {
            start[d] = random.nextInt(padded[d] - cropSize[d] + 1);
        }
        return finish(volume, start, random);
    }

    /**
     * A crop whose output part (its centre of {@code outputSize}, before augmentation moves it) holds a focus voxel
     * drawn uniformly, at a uniform place within that part as far as the padded volume allows.
     */
    private Crop focused(SplittableRandom random) {
        TrainingVolume volume = volumes.get(focus.volume());
        long index = focus.voxels()[random.nextInt(focus.voxels().length)];
        int[] at = org.synapseworkbench.volume.Volume.position(volume.label().spatialShape(), index);
        int[] padded = volume.paddedShape();
        int[] pad = volume.pad();
        int[] start = new int[3];
        for (int d = 0; d < 3; d++) {
            int margin = (cropSize[d] - outputSize[d]) / 2;
            int s = at[d] + pad[d] - margin - random.nextInt(outputSize[d]);
            start[d] = Math.max(0, Math.min(padded[d] - cropSize[d], s));
        }
        return finish(volume, start, random);
    }

    private Crop finish(TrainingVolume volume, int[] start, SplittableRandom random) {
        Crop crop = volume.crop(start, cropSize);
        long augmentSeed = random.nextLong();
        return augmentor == null ? crop.centre(outputSize) : augmentor.apply(crop, outputSize, augmentSeed);
    }

    private static long labelled(Crop crop) {
        long n = 0;
        for (long v : crop.label(0)) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }
}
