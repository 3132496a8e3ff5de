package org.synapseworkbench.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import org.synapseworkbench.post.BlockLabelling;
import org.synapseworkbench.work.Progress;

/** A run of {@link BlockInstances} from a command: prepares it, starts Spark, runs the passes, stops Spark. */
public final class BlockInstancesRun {
    private final BlockInstances.Options options;

    /** See {@link BlockInstances.Options}. */
    public BlockInstancesRun(String input, Path output, BlockLabelling.Settings settings, int[] block, int[] chunks) {
        this.options = new BlockInstances.Options(input, output, settings, block, chunks);
    }

    /**
     * Runs on {@code master} unless spark-submit gave one; {@code say} hears what is starting. Returns one sentence:
     * what was written, how many instances, in how long.
     */
    public String run(String master, Consumer<String> say, Progress progress) {
        BlockInstances job = BlockInstances.prepare(options);
        long all = job.blocks().count();
        say.accept(String.format(Locale.ROOT, "%d blocks of %s over %s; %d written before.", all,
                Arrays.toString(job.blocks().cell()), Arrays.toString(job.blocks().shape()), job.done().size()));
        BlockInstances.Outcome o = SparkContexts.run("Synapse Workbench: instances-blocks", master, say, sc -> job.run(sc, progress));
        return job.describe(o);
    }
}
