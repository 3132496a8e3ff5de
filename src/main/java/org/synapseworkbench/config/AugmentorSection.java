package org.synapseworkbench.config;

/**
 * The AUGMENTOR keys of a config, typed (the augmentations of training crops): the one place they are read. Each
 * accessor reads its key from the config as it is; a key that is None and required throws the {@link
 * org.synapseworkbench.work.UserException} of {@link Config}, when it is asked for.
 */
public final class AugmentorSection {
    private final Config c;

    AugmentorSection(Config c) {
        this.c = c;
    }

    /** {@code AUGMENTOR.COPYPASTE.ENABLED}, a value is required. */
    public boolean copypasteEnabled() {
        return c.getBool("AUGMENTOR.COPYPASTE.ENABLED");
    }

    /** {@code AUGMENTOR.CUTBLUR.DOWNSAMPLE_Z}, a value is required. */
    public boolean cutblurDownsampleZ() {
        return c.getBool("AUGMENTOR.CUTBLUR.DOWNSAMPLE_Z");
    }

    /** {@code AUGMENTOR.CUTBLUR.DOWN_RATIO_MAX}, a value is required. */
    public double cutblurDownRatioMax() {
        return c.getDouble("AUGMENTOR.CUTBLUR.DOWN_RATIO_MAX");
    }

    /** {@code AUGMENTOR.CUTBLUR.DOWN_RATIO_MIN}, a value is required. */
    public double cutblurDownRatioMin() {
        return c.getDouble("AUGMENTOR.CUTBLUR.DOWN_RATIO_MIN");
    }

    /** {@code AUGMENTOR.CUTBLUR.LENGTH_RATIO}, a value is required. */
    public double cutblurLengthRatio() {
        return c.getDouble("AUGMENTOR.CUTBLUR.LENGTH_RATIO");
    }

    /** {@code AUGMENTOR.CUTNOISE.LENGTH_RATIO}, a value is required. */
    public double cutnoiseLengthRatio() {
        return c.getDouble("AUGMENTOR.CUTNOISE.LENGTH_RATIO");
    }

    /** {@code AUGMENTOR.CUTNOISE.SCALE}, a value is required. */
    public double cutnoiseScale() {
        return c.getDouble("AUGMENTOR.CUTNOISE.SCALE");
    }

    /** {@code AUGMENTOR.ELASTIC.ALPHA}, a value is required. */
    public double elasticAlpha() {
        return c.getDouble("AUGMENTOR.ELASTIC.ALPHA");
    }

    /** {@code AUGMENTOR.ELASTIC.SIGMA}, a value is required. */
    public double elasticSigma() {
        return c.getDouble("AUGMENTOR.ELASTIC.SIGMA");
    }

    /** {@code AUGMENTOR.ENABLED}, a value is required. */
    public boolean enabled() {
        return c.getBool("AUGMENTOR.ENABLED");
    }

    /** {@code AUGMENTOR.FLIP.DO_ZTRANS}, a value is required. */
    public int flipDoZtrans() {
        return c.getInt("AUGMENTOR.FLIP.DO_ZTRANS");
    }

    /** {@code AUGMENTOR.MISALIGNMENT.DISPLACEMENT}, a value is required. */
    public int misalignmentDisplacement() {
        return c.getInt("AUGMENTOR.MISALIGNMENT.DISPLACEMENT");
    }

    /** {@code AUGMENTOR.MISALIGNMENT.ROTATE_RATIO}, a value is required. */
    public double misalignmentRotateRatio() {
        return c.getDouble("AUGMENTOR.MISALIGNMENT.ROTATE_RATIO");
    }

    /** {@code AUGMENTOR.MISSINGPARTS.ITER}, a value is required. */
    public int missingpartsIter() {
        return c.getInt("AUGMENTOR.MISSINGPARTS.ITER");
    }

    /** {@code AUGMENTOR.MISSINGSECTION.NUM_SECTION}, a value is required. */
    public int missingsectionNumSection() {
        return c.getInt("AUGMENTOR.MISSINGSECTION.NUM_SECTION");
    }

    /** {@code AUGMENTOR.MOTIONBLUR.KERNEL_SIZE}, a value is required. */
    public int motionblurKernelSize() {
        return c.getInt("AUGMENTOR.MOTIONBLUR.KERNEL_SIZE");
    }

    /** {@code AUGMENTOR.MOTIONBLUR.SECTIONS}, a value is required. */
    public int motionblurSections() {
        return c.getInt("AUGMENTOR.MOTIONBLUR.SECTIONS");
    }

    /** {@code AUGMENTOR.RESCALE.FIX_ASPECT}, a value is required. */
    public boolean rescaleFixAspect() {
        return c.getBool("AUGMENTOR.RESCALE.FIX_ASPECT");
    }
}
