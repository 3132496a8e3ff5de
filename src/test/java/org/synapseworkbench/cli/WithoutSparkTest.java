package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The installed program has no Spark (it is provided by spark-submit): every command, and the Spark commands' one
 * sentence, must work with Spark's and Scala's jars off the class path.
 */
class WithoutSparkTest {
    private static URLClassLoader withoutSpark() throws Exception {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            if (!e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static int run(ClassLoader loader, StringWriter out, StringWriter err, String... args) throws Exception {
        Class<?> main = Class.forName("org.synapseworkbench.cli.Main", true, loader);
        return (int) main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class).invoke(null, args,
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theCommandsRunAndTheSparkOnesSaySoInOneSentence() throws Exception {
        try (URLClassLoader loader = withoutSpark()) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.SparkContext", false, loader));
            StringWriter out = new StringWriter();
            assertEquals(0, run(loader, out, new StringWriter(), "--help"));
            assertTrue(out.toString().contains("instances-blocks"), out.toString());
            for (String[] args : new String[][] {{"predict-blocks", "--checkpoint", "c.ckpt", "--output", "o.zarr/p"},
                {"instances-blocks", "--input", "m.zarr/p", "--output", "o.zarr/s"},
                {"evaluate-blocks", "--prediction", "p.zarr/s", "--truth", "t.h5"}}) {
                StringWriter err = new StringWriter();
                assertEquals(Main.USER_ERROR, run(loader, new StringWriter(), err, args), err.toString());
                assertTrue(err.toString().contains("Spark is not on the class path; run " + args[0] + " with spark-submit"),
                        err.toString());
            }
        }
    }
}
