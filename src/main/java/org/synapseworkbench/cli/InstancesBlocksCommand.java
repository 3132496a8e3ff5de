package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.VolumeFiles;

/**
 * {@code instances-blocks}: {@code postprocess} of one probability map as a grid of blocks on Apache Spark. Spark's
 * classes are used only through {@code org.synapseworkbench.spark}, once they are known to be on the class path.
 */
@Command(name = "instances-blocks", mixinStandardHelpOptions = true,
        header = "Cut a probability map into clefts or synapses block by block on Apache Spark.",
        description = {"The partition postprocess makes of the whole map, for maps too large for one machine: each block is",
            "labelled alone, pieces that touch across blocks are joined on the driver, and each block writes its",
            "output chunks (uint64 labels, Zarr or N5, background 0; polarity: pre 2n-1, post 2n). Blocks written are",
            "marked, so a run that failed or was stopped resumes. Run it with spark-submit, or with Spark's jars on the",
            "class path and --master local[N] (docs/spark.md)."})
public final class InstancesBlocksCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "VOLUME", description = "The probability map: infer's "
            + "FILE[:DATASET], or predict-blocks' STORE.zarr/ARRAY or STORE.n5/DATASET.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "ARRAY", description = "The labels' array in a Zarr or N5 "
            + "store, e.g. out.zarr/synapses.")
    Path output;

    @picocli.CommandLine.Mixin
    InstanceOptions instance;

    @picocli.CommandLine.Mixin
    SparkJobOptions spark;

    @picocli.CommandLine.Mixin
    SparkJobOptions.Chunks chunks;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkJobOptions.requireSpark("instances-blocks");
        instance.check();
        int channels;
        try (ChunkedVolume map = VolumeFiles.open(input, "vol0", "main")) {
            channels = map.rank() == 4 ? map.shape()[0] : 1;
            instance.followMap(map);
        }
        org.synapseworkbench.spark.BlockInstancesRun run = new org.synapseworkbench.spark.BlockInstancesRun(input, output,
                instance.settings(channels), spark.block(), chunks.chunks());
        String said = ConsoleJob.run((progress, control) -> run.run(spark.master, out::println, progress), out, false);
        out.println(said);
        out.flush();
        return 0;
    }
}
