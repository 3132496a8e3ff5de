package org.synapseworkbench.data;

import java.util.ArrayList;
import java.util.List;

import org.synapseworkbench.data.augment.Crop;

/** Turns crops into a {@link Batch}: normalisation, targets and loss weights. */
public final class BatchMaker {
    private final List<TargetKind> targets;
    private final List<List<String>> weightOptions;
    private final float mean;
    private final float std;

    /**
     * @param weightOptions per target, per loss: "0" (none) or "1" (foreground/background balance)
     */
    public BatchMaker(List<TargetKind> targets, List<List<String>> weightOptions, double mean, double std) {
        this.targets = List.copyOf(targets);
        this.weightOptions = weightOptions;
        this.mean = (float) mean;
        this.std = (float) std;
    }

    public Batch make(long index, List<Crop> crops) {
        int[] size = crops.get(0).shape();
        int voxels = crops.get(0).voxels();
        int n = crops.size();
        float[] image = new float[n * voxels];
        for (int s = 0; s < n; s++) {
            float[] src = crops.get(s).image();
            for (int i = 0; i < voxels; i++) {
                image[s * voxels + i] = (src[i] - mean) / std;
            }
        }
        List<float[]> targetArrays = new ArrayList<>();
        List<List<float[]>> weights = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            TargetKind kind = targets.get(t);
            int length = kind.channels * voxels;
            float[] target = new float[n * length];
            for (int s = 0; s < n; s++) {
                kind.fill(crops.get(s).label(0), target, s * length);
            }
            targetArrays.add(target);
            List<float[]> perLoss = new ArrayList<>();
            for (String option : weightOptions.get(t)) {
                if (option.equals("1")) {
                    float[] w = new float[target.length];
                    for (int s = 0; s < n; s++) {
                        Weights.binaryRatio(target, s * length, length, w);
                    }
                    perLoss.add(w);
                } else {
                    perLoss.add(null);
                }
            }
            weights.add(perLoss);
        }
        return new Batch(index, n, size, image, targetArrays, weights);
    }
}
