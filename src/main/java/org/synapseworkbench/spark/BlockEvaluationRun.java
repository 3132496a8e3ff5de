package org.synapseworkbench.spark;

import java.util.function.Consumer;

import org.synapseworkbench.eval.InstanceOverlaps;
import org.synapseworkbench.work.Progress;

/** A run of {@link BlockEvaluation} from a command: starts Spark, counts every block's overlaps, stops Spark. */
public final class BlockEvaluationRun {
    private final BlockEvaluation job;

    /** See {@link BlockEvaluation.Options}; checks the volumes at once. */
    public BlockEvaluationRun(String prediction, String truth, boolean polarity, int[] block) {
        this.job = BlockEvaluation.prepare(new BlockEvaluation.Options(prediction, truth, polarity, block));
    }

    /** The blocks in all. */
    public long blocks() {
        return job.blocks().count();
    }

    /** Counts on {@code master} unless spark-submit gave one; {@code say} hears what is starting. */
    public InstanceOverlaps run(String master, Consumer<String> say, Progress progress) {
        return SparkContexts.run("Synapse Workbench: evaluate-blocks", master, say, sc -> job.run(sc, progress));
    }
}
