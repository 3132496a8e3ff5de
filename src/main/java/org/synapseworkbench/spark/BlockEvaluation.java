package org.synapseworkbench.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;

import org.synapseworkbench.eval.InstanceOverlaps;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * Instance F1 of a label volume against the truth, block by block on Spark: each task counts the instance sizes and
 * overlaps of one block ({@link InstanceOverlaps}), the counts are added up in a tree, and the driver matches the
 * instances by IoU as {@code evaluate} does on a whole volume; the scores are the same.
 */
public final class BlockEvaluation implements Serializable {
    /**
     * What to score.
     *
     * @param prediction instance labels ({@code instances-blocks}' or {@code postprocess}' output)
     * @param truth the true labels of the same region
     * @param polarity pre (2n-1) and post (2n) ids, scored as synapses, pre and post; else instances (clefts)
     * @param block block shape (z, y, x)
     */
    public record Options(String prediction, String truth, boolean polarity, int[] block) {
    }

    private final String prediction;
    private final String truth;
    private final boolean polarity;
    private final Grid blocks;

    private BlockEvaluation(String prediction, String truth, boolean polarity, Grid blocks) {
        this.prediction = prediction;
        this.truth = truth;
        this.polarity = polarity;
        this.blocks = blocks;
    }

    /** On the driver: checks that both volumes are 3-d and of one shape. */
    public static BlockEvaluation prepare(Options o) {
        String p = absolute(o.prediction());
        String t = absolute(o.truth());
        int[] shape;
        try (ChunkedVolume pv = open(p, o.polarity()); ChunkedVolume tv = open(t, o.polarity())) {
            if (pv.rank() != 3) {
                throw new UserException(pv.name() + " has shape " + Arrays.toString(pv.shape()) + "; score a volume of instance "
                        + "labels (z, y, x), e.g. what instances-blocks wrote.");
            }
            if (!Arrays.equals(pv.shape(), tv.shape())) {
                throw new UserException("The prediction " + o.prediction() + " is " + Arrays.toString(pv.shape()) + " but the truth "
                        + o.truth() + " is " + Arrays.toString(tv.shape()) + "; compare volumes of the same region.");
            }
            shape = pv.shape();
        }
        for (int b : o.block()) {
            if (b < 1) {
                throw new UserException("The block " + Arrays.toString(o.block()) + " has a size under 1; give positive sizes.");
            }
        }
        return new BlockEvaluation(p, t, o.polarity(), new Grid(shape, o.block()));
    }

    private static String absolute(String spec) {
        VolumeSpec s = VolumeSpec.parse(spec);
        return new VolumeSpec(s.file().toAbsolutePath(), s.dataset()).toString();
    }

    private static ChunkedVolume open(String spec, boolean polarity) {
        return VolumeFiles.open(spec, "main", polarity ? Cremi.POLARITY : Cremi.CLEFTS);
    }

    /** The blocks in all. */
    public Grid blocks() {
        return blocks;
    }

    /** Counts every block's overlaps and adds them up. */
    public InstanceOverlaps run(JavaSparkContext sc, Progress progress) {
        int n = (int) blocks.count();
        List<Long> all = new ArrayList<>(n);
        for (long k = 0; k < n; k++) {
            all.add(k);
        }
        try (SparkProgress p = SparkProgress.follow(sc, "Counting overlaps", n, progress)) {
            return sc.parallelize(all, n).map(this::count).treeReduce(InstanceOverlaps::addAll);
        }
    }

    /** On an executor: the counts of block {@code k}. */
    InstanceOverlaps count(long k) {
        int[][] box = blocks.box(blocks.position(k));
        InstanceOverlaps counts = polarity ? InstanceOverlaps.polarity() : InstanceOverlaps.instances();
        try (ChunkedVolume p = open(prediction, polarity); ChunkedVolume t = open(truth, polarity)) {
            counts.add(p.read(box[0], box[1]), t.read(box[0], box[1]));
        }
        return counts;
    }
}
