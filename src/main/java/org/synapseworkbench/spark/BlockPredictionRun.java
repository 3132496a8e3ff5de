package org.synapseworkbench.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.work.Progress;

/** A run of {@link BlockPrediction} from a command: prepares it, starts Spark, predicts the blocks left, stops Spark. */
public final class BlockPredictionRun {
    private final BlockPrediction.Options options;

    /** See {@link BlockPrediction.Options}. */
    public BlockPredictionRun(String input, Path output, Path checkpoint, Config config, int[] block, int[] chunks,
            String device, int threads) {
        this.options = new BlockPrediction.Options(input, output, checkpoint, config, block, chunks, device, threads);
    }

    /**
     * Predicts, on {@code master} unless spark-submit gave one; {@code say} hears what is starting (the blocks, the
     * Spark UI). Returns one sentence: what was written, how many blocks, in how long.
     */
    public String run(String master, Consumer<String> say, Progress progress) {
        BlockPrediction job = BlockPrediction.prepare(options);
        long all = job.blocks().count();
        say.accept(String.format(Locale.ROOT, "%d blocks of %s over %s; %d done before, %d to predict.", all,
                Arrays.toString(job.blocks().cell()), Arrays.toString(job.blocks().shape()), all - job.todo().size(),
                job.todo().size()));
        BlockPrediction.Outcome o = SparkContexts.run("Synapse Workbench: predict-blocks", master, say,
                sc -> job.run(sc, progress));
        return String.format(Locale.ROOT, "wrote %s: %d blocks predicted in %.1f s (%.2f blocks/s), %d done before.",
                options.output(), o.predicted(), o.seconds(), o.predicted() / Math.max(1e-9, o.seconds()), o.skipped());
    }
}
