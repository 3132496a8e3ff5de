package org.synapseworkbench.config;

import java.util.List;

/**
 * The INFERENCE keys of a config, typed (prediction: the volumes, the windows, test-time augmentation and the
 * result files), read all at once by {@link Config#inference()}: the one place they are read. Each component is the
 * key its name spells ({@link SectionReader}).
 *
 * @param augMode INFERENCE.AUG_MODE: How test-time augmentations combine: mean, min or max
 * @param augNum INFERENCE.AUG_NUM: Test-time augmentations: None, 4, 8 or 16
 * @param doChunkTitle INFERENCE.DO_CHUNK_TITLE: PyTorch Connectomics option, kept and saved as set
 * @param doSingly INFERENCE.DO_SINGLY: Predict each volume into its own file
 * @param doSinglyStartIndex INFERENCE.DO_SINGLY_START_INDEX: PyTorch Connectomics option, kept and saved as set
 * @param doSinglyStep INFERENCE.DO_SINGLY_STEP: PyTorch Connectomics option, kept and saved as set
 * @param imageName INFERENCE.IMAGE_NAME: Volume(s) to predict: list or @-joined names
 * @param inputPath INFERENCE.INPUT_PATH: Folder the inference image names are relative to
 * @param inputSize INFERENCE.INPUT_SIZE: Inference window (z, y, x); defaults to MODEL.INPUT_SIZE
 * @param isAbsolutePath INFERENCE.IS_ABSOLUTE_PATH: PyTorch Connectomics option, kept and saved as set
 * @param outputAct INFERENCE.OUTPUT_ACT: Activation per target at inference: sigmoid, softmax, tanh or none
 * @param outputName INFERENCE.OUTPUT_NAME: File name of the prediction
 * @param outputPath INFERENCE.OUTPUT_PATH: Folder for predictions
 * @param padSize INFERENCE.PAD_SIZE: Padding (z, y, x) added before prediction and removed after
 * @param samplesPerBatch INFERENCE.SAMPLES_PER_BATCH: Windows per forward pass
 * @param stride INFERENCE.STRIDE: Step (z, y, x) between sliding windows
 */
public record InferenceSection(String augMode, Object augNum, Object doChunkTitle, boolean doSingly,
        int doSinglyStartIndex, int doSinglyStep, List<String> imageName, String inputPath, List<Integer> inputSize,
        Object isAbsolutePath, List<String> outputAct, String outputName, String outputPath, List<Integer> padSize,
        int samplesPerBatch, List<Integer> stride) {
    /** The number of test-time augmentation views INFERENCE.AUG_NUM asks for; null when it is not a number (all). */
    public Integer augViews() {
        return augNum instanceof Number n ? n.intValue() : null;
    }

    /** Whether INFERENCE.DO_CHUNK_TITLE asks for tiled JSON volumes (a number other than 0). */
    public boolean chunkedTitles() {
        return doChunkTitle instanceof Number n && n.intValue() != 0;
    }

    /** Whether INFERENCE.IS_ABSOLUTE_PATH says the image names are absolute paths (True). */
    public boolean absolutePaths() {
        return Boolean.TRUE.equals(isAbsolutePath);
    }
}
