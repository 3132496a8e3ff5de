package org.synapseworkbench.config;

/**
 * The AUGMENTOR keys of a config, typed (the augmentations of training crops), read all at once by {@link
 * Config#augmentor()}: the one place they are read. Each component is the key its name spells ({@link
 * SectionReader}).
 *
 * @param copypasteEnabled AUGMENTOR.COPYPASTE.ENABLED: Copy-paste augmentation (PyTC); not reproduced here, so True
 *     is refused by train
 * @param cutblurDownsampleZ AUGMENTOR.CUTBLUR.DOWNSAMPLE_Z: Also down-sample in z
 * @param cutblurDownRatioMax AUGMENTOR.CUTBLUR.DOWN_RATIO_MAX: Largest down-sampling factor
 * @param cutblurDownRatioMin AUGMENTOR.CUTBLUR.DOWN_RATIO_MIN: Smallest down-sampling factor
 * @param cutblurLengthRatio AUGMENTOR.CUTBLUR.LENGTH_RATIO: Cuboid size as a share of the patch
 * @param cutnoiseLengthRatio AUGMENTOR.CUTNOISE.LENGTH_RATIO: Cuboid size as a share of the patch
 * @param cutnoiseScale AUGMENTOR.CUTNOISE.SCALE: Noise amplitude (image in [0, 1])
 * @param elasticAlpha AUGMENTOR.ELASTIC.ALPHA: Elastic displacement strength (pixels)
 * @param elasticSigma AUGMENTOR.ELASTIC.SIGMA: Elastic displacement smoothness (pixels)
 * @param enabled AUGMENTOR.ENABLED: Apply data augmentation during training
 * @param flipDoZtrans AUGMENTOR.FLIP.DO_ZTRANS: Also transpose z with y-x (isotropic data only)
 * @param misalignmentDisplacement AUGMENTOR.MISALIGNMENT.DISPLACEMENT: Largest shift in pixels
 * @param misalignmentRotateRatio AUGMENTOR.MISALIGNMENT.ROTATE_RATIO: Share of misalignments that are rotations
 * @param missingpartsIter AUGMENTOR.MISSINGPARTS.ITER: PyTorch Connectomics option, kept and saved as set
 * @param missingsectionNumSection AUGMENTOR.MISSINGSECTION.NUM_SECTION: Number of sections deleted
 * @param motionblurKernelSize AUGMENTOR.MOTIONBLUR.KERNEL_SIZE: Length of the blur kernel in pixels
 * @param motionblurSections AUGMENTOR.MOTIONBLUR.SECTIONS: Number of blurred sections
 * @param rescaleFixAspect AUGMENTOR.RESCALE.FIX_ASPECT: PyTorch Connectomics option, kept and saved as set
 */
public record AugmentorSection(boolean copypasteEnabled, boolean cutblurDownsampleZ, double cutblurDownRatioMax,
        double cutblurDownRatioMin, double cutblurLengthRatio, double cutnoiseLengthRatio, double cutnoiseScale,
        double elasticAlpha, double elasticSigma, boolean enabled, int flipDoZtrans, int misalignmentDisplacement,
        double misalignmentRotateRatio, int missingpartsIter, int missingsectionNumSection, int motionblurKernelSize,
        int motionblurSections, boolean rescaleFixAspect) {
}
