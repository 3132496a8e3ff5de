package org.synapseworkbench.cli;

import picocli.CommandLine.Option;

import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.work.UserException;

/** The options of the commands that run on Spark: the blocks, the master, and their output chunks. */
public final class SparkJobOptions {
    @Option(names = "--block", paramLabel = "Z,Y,X", defaultValue = "64,512,512",
            description = "Block shape, a Spark task each; when writing, a whole number of output chunks (default ${DEFAULT-VALUE}).")
    String block;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when spark-submit gives none "
            + "(default local[*]: this machine's cores); e.g. local[2].")
    String master;

    int[] block() {
        return Sizes.parse(block);
    }

    /** One sentence when Spark's classes are not on the class path: how {@code command} is to be run. */
    static void requireSpark(String command) {
        if (!org.synapseworkbench.spark.SparkContexts.available()) {
            throw new UserException("Spark is not on the class path; run " + command + " with spark-submit, or add Spark's "
                    + "jars to -cp (docs/spark.md).");
        }
    }

    /** The output chunk shape option of the commands that write. */
    public static final class Chunks {
        @Option(names = "--chunks", paramLabel = "Z,Y,X", description = "Output chunk shape (default: the largest divisors "
                + "of the block up to 16,256,256).")
        String chunks;

        int[] chunks() {
            return chunks == null ? null : Sizes.parse(chunks);
        }
    }
}
