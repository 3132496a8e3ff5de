package org.synapseworkbench.config;

import java.util.List;

/**
 * The DATASET keys of a config, typed (the training data, its normalisation and padding, and the output folder),
 * read all at once by {@link Config#dataset()}: the one place they are read. Each component is the key its name
 * spells ({@link SectionReader}).
 *
 * @param do2d DATASET.DO_2D: PyTorch Connectomics option, kept and saved as set
 * @param imageName DATASET.IMAGE_NAME: Training image volume(s): list or @-joined names, relative to INPUT_PATH
 * @param inputPath DATASET.INPUT_PATH: Folder the image and label names are relative to
 * @param labelName DATASET.LABEL_NAME: Training label volume(s), one per image
 * @param mean DATASET.MEAN: Mean subtracted after scaling the image to [0, 1]
 * @param normalizeSections DATASET.NORMALIZE_SECTIONS (the workbench's own): standardise each image section first
 * @param outputPath DATASET.OUTPUT_PATH: Folder for checkpoints, TensorBoard logs and the saved config
 * @param padSize DATASET.PAD_SIZE: Reflection padding (z, y, x) added around each volume before sampling
 * @param rejectSamplingNumTrial DATASET.REJECT_SAMPLING.NUM_TRIAL: Rejection sampling: at most this many draws per
 *     patch
 * @param rejectSamplingP DATASET.REJECT_SAMPLING.P: Rejection sampling: probability of rejecting a patch below the
 *     threshold
 * @param rejectSamplingSizeThres DATASET.REJECT_SAMPLING.SIZE_THRES: Rejection sampling: minimum foreground voxels
 *     in a patch (-1 = off)
 * @param std DATASET.STD: Standard deviation the image is divided by after the mean
 */
public record DatasetSection(boolean do2d, List<String> imageName, String inputPath, List<String> labelName,
        double mean, boolean normalizeSections, String outputPath, List<Integer> padSize, int rejectSamplingNumTrial,
        double rejectSamplingP, int rejectSamplingSizeThres, double std) {
}
