package org.synapseworkbench.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark context of a command: spark-submit's master and settings, or a master of the command's own. */
public final class SparkContexts {
    private SparkContexts() {
    }

    /** Whether Spark's classes are on the class path (under spark-submit, or its jars added to {@code -cp}). */
    public static boolean available() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkContexts.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * A context named {@code app}: on the master spark-submit gave (its {@code --master}), else on {@code master}
     * (null: {@code local[*]}, every core of this machine). Spark's own console progress bar is off: the command
     * prints blocks done.
     */
    public static JavaSparkContext open(String app, String master) {
        SparkConf conf = new SparkConf().setAppName(app).set("spark.ui.showConsoleProgress", "false");
        if (!conf.contains("spark.master")) {
            conf.setMaster(master != null ? master : "local[*]");
        }
        return new JavaSparkContext(conf);
    }

    /**
     * Runs {@code work} in a context named {@code app} (see {@link #open}), telling {@code say} the Spark version,
     * master and UI address first, and stops the context after.
     */
    public static <T> T run(String app, String master, java.util.function.Consumer<String> say,
            java.util.function.Function<JavaSparkContext, T> work) {
        try (JavaSparkContext sc = open(app, master)) {
            String ui = uiAddress(sc);
            say.accept("Spark " + sc.version() + " on " + sc.master() + (ui != null ? ", UI at " + ui : ""));
            return work.apply(sc);
        }
    }

    /** The address of the Spark UI, or null when it is off. */
    public static String uiAddress(JavaSparkContext sc) {
        scala.Option<String> ui = sc.sc().uiWebUrl();
        return ui.isDefined() ? ui.get() : null;
    }
}
