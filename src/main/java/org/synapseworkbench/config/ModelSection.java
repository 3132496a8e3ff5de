package org.synapseworkbench.config;

import java.util.List;

/**
 * The MODEL keys of a config, typed (the network, its targets and losses), read all at once by {@link
 * Config#model()}: the one place they are read. Each component is the key its name spells ({@link SectionReader}).
 *
 * @param actMode MODEL.ACT_MODE: Activation: elu, relu or leaky
 * @param architecture MODEL.ARCHITECTURE: Network: unet_3d or unet_plus_3d
 * @param blockType MODEL.BLOCK_TYPE: Residual block: residual or residual_se (with squeeze-excitation)
 * @param filters MODEL.FILTERS: Channels at the five U-Net levels
 * @param inputSize MODEL.INPUT_SIZE: Training patch size (z, y, x) in voxels
 * @param inPlanes MODEL.IN_PLANES: Input channels (1 for EM)
 * @param isotropy MODEL.ISOTROPY: Per level: True for 3x3x3 kernels and z-downsampling, False for 1x3x3
 * @param lossKwargsKey MODEL.LOSS_KWARGS_KEY: Per target and loss: names of extra loss arguments (e.g.
 *     class_weight)
 * @param lossKwargsVal MODEL.LOSS_KWARGS_VAL: Per target and loss: values of the extra loss arguments
 * @param lossOption MODEL.LOSS_OPTION: Per target: loss names (WeightedBCEWithLogitsLoss, DiceLoss, WeightedCE,
 *     ...)
 * @param lossWeight MODEL.LOSS_WEIGHT: Per target and loss: factor of the loss in the total
 * @param normMode MODEL.NORM_MODE: Normalisation: bn, sync_bn, gn (8 groups), in or none
 * @param outputAct MODEL.OUTPUT_ACT: Per target and loss: activation before the loss (none, sigmoid, softmax, tanh)
 * @param outPlanes MODEL.OUT_PLANES: Output channels; must equal the channels the targets need
 * @param padMode MODEL.PAD_MODE: Padding of convolutions: replicate, zeros, reflect
 * @param reguOpt MODEL.REGU_OPT: Regularisers on the output (e.g. Nonoverlap)
 * @param reguWeight MODEL.REGU_WEIGHT: Factor of each regulariser in the total loss
 * @param targetOpt MODEL.TARGET_OPT: Targets: "0" cleft mask, "1" pre/post/union, "1-1" exclusive bg/pre/post
 *     classes
 * @param weightOpt MODEL.WEIGHT_OPT: Per target and loss: "1" rebalances foreground/background, "0" no weight
 */
public record ModelSection(String actMode, String architecture, String blockType, List<Integer> filters,
        List<Integer> inputSize, int inPlanes, List<Boolean> isotropy, Object lossKwargsKey, Object lossKwargsVal,
        Object lossOption, Object lossWeight, String normMode, Object outputAct, int outPlanes, String padMode,
        List<String> reguOpt, List<Double> reguWeight, List<String> targetOpt, Object weightOpt) {
}
