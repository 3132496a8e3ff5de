package org.synapseworkbench.data.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.work.UserException;

/**
 * PyTC's training augmentor ({@code build_train_augmentor} + {@code Compose}): a list of augmentations applied in
 * order, each with its probability, then a centre crop to the model's input size, then {@link Flip} (PyTC takes
 * Flip out of the list and applies it after the crop, so that its transposes see the final shape).
 *
 * <p>Random draws, from one {@link SplittableRandom} seeded with the given seed: for each augmentation in order
 * of application (the Flips last) one double u (applied when u &lt; P) and then one
 * {@link SplittableRandom#split()} that the augmentation draws from if applied (see each class for its draws).
 * The same seed therefore gives a bit-identical result, and whether one augmentation fires does not shift the
 * draws of the others. Thread-safe: workers can share one Augmentor.
 */
public final class Augmentor {
    private final List<Augmentation> augmentations;
    private final List<Augmentation> beforeCrop = new ArrayList<>();
    private final List<Augmentation> afterCrop = new ArrayList<>();

    /** @param augmentations in order of application; Flips are applied after the centre crop */
    public Augmentor(List<? extends Augmentation> augmentations) {
        this.augmentations = List.copyOf(augmentations);
        for (Augmentation a : this.augmentations) {
            (a instanceof Flip ? afterCrop : beforeCrop).add(a);
        }
    }

    /**
     * The augmentor a config asks for: nothing when AUGMENTOR.ENABLED is False, otherwise each
     * AUGMENTOR.&lt;NAME&gt; with ENABLED True and P &gt; 0, in the order PyTC applies them (its
     * {@code Compose} runs the built list backwards): CUTNOISE, CUTBLUR, MOTIONBLUR, MISALIGNMENT, MISSINGSECTION,
     * MISSINGPARTS, GRAYSCALE, ELASTIC, RESCALE, ROTATE, then (after the crop) FLIP. MISALIGNMENT and
     * MISSINGSECTION are left out when DATASET.DO_2D is True, as in PyTC. Not reproduced: COPYPASTE (needs instance
     * labels), SMOOTH, SKIP lists and ROTATE.ROT90 False (only 90-degree rotations); all labels are moved as masks.
     */
    public static Augmentor fromConfig(Config c) {
        try {
            return build(c);
        } catch (IllegalArgumentException e) {
            throw new UserException("The AUGMENTOR settings cannot be used: " + e.getMessage() + "; fix the value in the "
                    + "config.", e);
        }
    }

    private static Augmentor build(Config c) {
        List<Augmentation> list = new ArrayList<>();
        if (!c.augmentor().enabled()) {
            return new Augmentor(list);
        }
        boolean twoD = c.dataset().do2d();
        if (on(c, CutNoise.NAME)) {
            list.add(new CutNoise(p(c, CutNoise.NAME), c.augmentor().cutnoiseLengthRatio(),
                    c.augmentor().cutnoiseScale()));
        }
        if (on(c, CutBlur.NAME)) {
            list.add(new CutBlur(p(c, CutBlur.NAME), c.augmentor().cutblurLengthRatio(),
                    c.augmentor().cutblurDownRatioMin(), c.augmentor().cutblurDownRatioMax(),
                    c.augmentor().cutblurDownsampleZ()));
        }
        if (on(c, MotionBlur.NAME)) {
            list.add(new MotionBlur(p(c, MotionBlur.NAME), c.augmentor().motionblurSections(),
                    c.augmentor().motionblurKernelSize()));
        }
        if (on(c, Misalignment.NAME) && !twoD) {
            list.add(new Misalignment(p(c, Misalignment.NAME), c.augmentor().misalignmentDisplacement(),
                    c.augmentor().misalignmentRotateRatio()));
        }
        if (on(c, MissingSection.NAME) && !twoD) {
            list.add(new MissingSection(p(c, MissingSection.NAME), c.augmentor().missingsectionNumSection()));
        }
        if (on(c, MissingParts.NAME)) {
            list.add(new MissingParts(p(c, MissingParts.NAME), c.augmentor().missingpartsIter()));
        }
        if (on(c, Grayscale.NAME)) {
            list.add(new Grayscale(p(c, Grayscale.NAME)));
        }
        if (on(c, Elastic.NAME)) {
            list.add(new Elastic(p(c, Elastic.NAME), c.augmentor().elasticAlpha(),
                    c.augmentor().elasticSigma()));
        }
        if (on(c, Rescale.NAME)) {
            list.add(new Rescale(p(c, Rescale.NAME), c.augmentor().rescaleFixAspect()));
        }
        if (on(c, Rotate90.NAME)) {
            list.add(new Rotate90(p(c, Rotate90.NAME)));
        }
        if (on(c, Flip.NAME)) {
            list.add(new Flip(p(c, Flip.NAME), c.augmentor().flipDoZtrans() == 1));
        }
        return new Augmentor(list);
    }

    private static boolean on(Config c, String name) {
        return c.getBool("AUGMENTOR." + name + ".ENABLED") && p(c, name) > 0;
    }

    private static double p(Config c, String name) {
        String key = "AUGMENTOR." + name + ".P";
        double p = c.getDouble(key);
        if (!(p >= 0 && p <= 1)) {
            throw new UserException(c.origin(key) + ": " + key + " is " + p + " but must be a probability in [0, 1]; "
                    + "fix the value.");
        }
        return p;
    }

    /** The augmentations in the order given (Flips are applied after the crop). */
    public List<Augmentation> augmentations() {
        return augmentations;
    }

    /**
     * The crop size to read so that, whatever the draws, every augmentation has its margin and the result covers
     * {@code outputSize}: the augmentations' {@link Augmentation#inputSizeFor} composed from the last applied to the
     * first (those with P 0 skipped).
     */
    public int[] inputSizeFor(int[] outputSize) {
        checkSize(outputSize);
        int[] size = outputSize.clone();
        for (int i = afterCrop.size() - 1; i >= 0; i--) {
            size = grow(afterCrop.get(i), size);
        }
        for (int i = beforeCrop.size() - 1; i >= 0; i--) {
            size = grow(beforeCrop.get(i), size);
        }
        return size;
    }

    private static int[] grow(Augmentation a, int[] size) {
        return a.probability() > 0 ? a.inputSizeFor(size) : size;
    }

    /**
     * Augments a crop of at least {@link #inputSizeFor}(outputSize) and centre-crops it to {@code outputSize}.
     * The crop's arrays may be overwritten; pass a {@link Crop#copy()} to keep them.
     */
    public Crop apply(Crop crop, int[] outputSize, long seed) {
        checkSize(outputSize);
        int[] need = inputSizeFor(outputSize);
        int[] have = crop.shape();
        for (int d = 0; d < 3; d++) {
            if (have[d] < need[d]) {
                throw new IllegalArgumentException("augmenting to " + Arrays.toString(outputSize) + " needs a crop of "
                        + Arrays.toString(need) + ", got " + Arrays.toString(have));
            }
        }
        SplittableRandom root = new SplittableRandom(seed);
        for (Augmentation a : beforeCrop) {
            crop = step(a, crop, root);
        }
        crop = crop.centre(outputSize);
        for (Augmentation a : afterCrop) {
            crop = step(a, crop, root);
        }
        return crop;
    }

    private static Crop step(Augmentation a, Crop crop, SplittableRandom root) {
        double u = root.nextDouble();
        SplittableRandom rng = root.split();
        return u < a.probability() ? a.apply(crop, rng) : crop;
    }

    private static void checkSize(int[] size) {
        if (size.length != 3 || size[0] < 1 || size[1] < 1 || size[2] < 1) {
            throw new IllegalArgumentException("an output size is z, y, x, each at least 1; got " + Arrays.toString(size));
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Augmentor[");
        for (Augmentation a : augmentations) {
            sb.append(sb.length() > 10 ? ", " : "").append(a.name()).append(" p=").append(a.probability());
        }
        return sb.append(']').toString();
    }
}
