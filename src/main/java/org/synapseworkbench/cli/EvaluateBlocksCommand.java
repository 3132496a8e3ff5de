package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.eval.InstanceOverlaps;
import org.synapseworkbench.work.UserException;

/**
 * {@code evaluate-blocks}: instance F1 of a label volume against the truth from per-block overlap counts on Apache
 * Spark; the scores {@code evaluate} gives for instances, for volumes too large for one machine.
 */
@Command(name = "evaluate-blocks", mixinStandardHelpOptions = true,
        header = "Score instance labels against the truth block by block on Apache Spark (instance F1).",
        description = {"Each block counts instance sizes and overlaps; the counts are added up and the instances matched",
            "by IoU on the driver, as evaluate does: polarity scores (synapses, pre and post sides) or instance scores",
            "(clefts). CREMI distances need whole volumes and are not computed here. Run it with spark-submit, or with",
            "Spark's jars on the class path and --master local[N] (docs/spark.md)."})
public final class EvaluateBlocksCommand implements Callable<Integer> {
    @Option(names = "--prediction", required = true, paramLabel = "VOLUME", description = "Instance labels, e.g. what "
            + "instances-blocks wrote (STORE.zarr/ARRAY, STORE.n5/DATASET or FILE[:DATASET]).")
    String prediction;

    @Option(names = "--truth", required = true, paramLabel = "VOLUME", description = "True labels of the same region.")
    String truth;

    @Option(names = "--task", paramLabel = "polarity|cleft", defaultValue = "polarity",
            description = "Polarity ids (pre 2n-1, post 2n) or cleft instances (default ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--iou", defaultValue = "0.5", description = "IoU above which instances match (default ${DEFAULT-VALUE}).")
    double iou;

    @picocli.CommandLine.Mixin
    SparkJobOptions spark;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkJobOptions.requireSpark("evaluate-blocks");
        if (!(iou >= 0 && iou < 1)) {
            throw new UserException("--iou " + iou + " must lie in [0, 1).");
        }
        boolean polarity = switch (task.toLowerCase(Locale.ROOT)) {
            case "polarity" -> true;
            case "cleft" -> false;
            default -> throw new UserException("--task " + task + " is not polarity or cleft.");
        };
        org.synapseworkbench.spark.BlockEvaluationRun run = new org.synapseworkbench.spark.BlockEvaluationRun(prediction, truth,
                polarity, spark.block());
        PrintWriter said = json ? spec.commandLine().getErr() : out;
        InstanceOverlaps counts = ConsoleJob.run((progress, control) -> run.run(spark.master, said::println, progress),
                spec.commandLine().getErr(), false);
        JsonObject o;
        if (polarity) {
            o = EvaluateCommand.polarityJson(counts.polarityScores(iou));
        } else {
            o = EvaluateCommand.matches(counts.instanceScores(iou));
            o.addProperty("task", "cleft");
        }
        o.addProperty("blocks", run.blocks());
        if (json) {
            out.println(new GsonBuilder().serializeNulls().create().toJson(o));
        } else {
            out.printf("%s vs %s (%d blocks)%n", prediction, truth, run.blocks());
            if (polarity) {
                EvaluateCommand.printPolarity(out, o);
            } else {
                EvaluateCommand.header(out, o);
                EvaluateCommand.row(out, "clefts", o);
            }
            if (o.has("note")) {
                out.println(o.get("note").getAsString());
            }
        }
        out.flush();
        return 0;
    }
}
