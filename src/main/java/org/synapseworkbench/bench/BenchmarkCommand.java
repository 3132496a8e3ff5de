package org.synapseworkbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.work.UserException;

/** {@code benchmark}: speed measurements, side by side with peer programs in the same run. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, description = "Measure speed against peer programs.",
        subcommands = {BenchmarkCommand.Hdf5Read.class, TrainBenchmark.class, LearningBenchmark.class, EvaluationBenchmark.class,
            InferenceBenchmark.class, ProofreadBenchmark.class, ZarrReadBenchmark.class,
            org.synapseworkbench.ui.bench.PyramidBenchmark.class, PredictBlocksBenchmark.class, InstancesBlocksBenchmark.class, PolarityBenchmark.class,
            ProofreadingBenchmark.class})
public final class BenchmarkCommand {

    /** Reading a chunked gzip uint8 volume: first section and whole volume, against h5py. */
    @Command(name = "hdf5-read", mixinStandardHelpOptions = true,
            header = "Time reading a volume (first section, whole) against h5py.",
            description = {"Time opening a volume and reading its first z-section, and reading it whole, against h5py",
                "(python3-h5py, run through --python) on the same file in the same run. Without --file, a",
                "synthetic uint8 volume of --size is generated and written first."})
    public static final class Hdf5Read implements Callable<Integer> {
        @Option(names = "--file", paramLabel = "FILE[:DATASET]", description = "Volume to read (default: generate one).")
        String file;

        @Option(names = "--size", paramLabel = "Z,Y,X", defaultValue = "125,1250,1250",
                description = "Size to generate (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--repeats", defaultValue = "3", description = "Runs of each measurement; the median is reported (default: ${DEFAULT-VALUE}).")
        int repeats;

        @picocli.CommandLine.Mixin
        PeerPython python;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path path;
            String dataset;
            if (file == null) {
                int[] size = Sizes.parse(this.size);
                path = Path.of("datasets/benchmark/raw-" + size[0] + "x" + size[1] + "x" + size[2] + ".h5");
                dataset = "main";
                if (!Files.exists(path)) {
                    out.println("Writing " + path + " (" + Sizes.format(size) + " uint8, chunks 8 x 128 x 128, gzip)...");
                    out.flush();
                    Block image = new SyntheticEmGenerator(SynthParams.of(size, 7)).generate().image();
                    new Hdf5Writer().dataset(dataset, image).write(path);
                }
            } else {
                try (Hdf5Volume v = Hdf5Volume.open(file)) {
                    path = v.file();
                    dataset = v.datasetPath();
                }
            }
            double[] first = new double[repeats];
            double[] whole = new double[repeats];
            long checksum = 0;
            int[] shape = null;
            long voxelBytes = 0;
            for (int r = 0; r < repeats; r++) {
                ChunkCache cache = new ChunkCache(ChunkCache.shared().maxBytes());
                long t0 = System.nanoTime();
                try (Hdf5Volume v = Hdf5Volume.open(path, dataset, cache)) {
                    Block s = v.readSection(0);
                    first[r] = (System.nanoTime() - t0) / 1e9;
                    checksum = 0;
                    for (int i = 0; i < s.size(); i++) {
                        checksum += s.getLong(i);
                    }
                }
                t0 = System.nanoTime();
                try (Hdf5Volume v = Hdf5Volume.open(path, dataset, new ChunkCache(ChunkCache.shared().maxBytes()))) {
                    Block all = v.readAll();
                    whole[r] = (System.nanoTime() - t0) / 1e9;
                    shape = all.shape();
                    voxelBytes = bytesPerVoxel(all);
                }
            }
            double ourFirst = median(first);
            double ourWhole = median(whole);
            out.printf(Locale.ROOT, "%nVolume %s:%s, %s%n", path, dataset, Arrays.toString(shape));
            out.printf(Locale.ROOT, "%-28s %14s %12s %10s%n", "", "first section", "whole read", "checksum");
            out.printf(Locale.ROOT, "%-28s %11.1f ms %10.2f s %10d%n", "Synapse Workbench (jhdf)", ourFirst * 1e3, ourWhole, checksum);
            out.printf(Locale.ROOT, "In memory: %d bytes per voxel (%s).%n", voxelBytes, DataType.UINT8.label());
            String py = python.command();
            if (py == null) {
                out.println("Peer skipped (no Python with h5py; install python3-h5py or pass --python).");
                return 0;
            }
            String json = runPeer(py, path, dataset);
            if (json == null) {
                out.println("Peer failed; is h5py installed for " + py + "? (apt-get install python3-h5py)");
                return 0;
            }
            double peerFirst = number(json, "first_section_s");
            double peerWhole = number(json, "whole_s");
            long peerSum = (long) number(json, "checksum");
            out.printf(Locale.ROOT, "%-28s %11.1f ms %10.2f s %10d%n", text(json, "peer"), peerFirst * 1e3, peerWhole, peerSum);
            out.printf(Locale.ROOT, "%-28s %13.2fx %11.2fx%n", "ratio (h5py time / ours)", peerFirst / ourFirst, peerWhole / ourWhole);
            if (peerSum != checksum) {
                throw new UserException("The first sections differ between jhdf and h5py (checksums " + checksum + " and "
                        + peerSum + "); the file may be damaged.");
            }
            return 0;
        }

        private static long bytesPerVoxel(Block b) {
            Object data = b.data();
            long len = java.lang.reflect.Array.getLength(data);
            long elementBytes = data instanceof byte[] ? 1 : data instanceof short[] ? 2
                    : data instanceof int[] || data instanceof float[] ? 4 : 8;
            return len * elementBytes / Math.max(1, b.size());
        }

        private static String runPeer(String py, Path file, String dataset) throws IOException, InterruptedException {
            return Peers.run(py, Peers.H5PY_READ, file.toString(), dataset, "3");
        }
    }

    /** The median of measurements. */
    /** Deletes a benchmark's scratch folder and all in it. */
    static void deleteTree(java.nio.file.Path dir) throws IOException {
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** One sentence when Spark's jars are not on the class path: how to run the Spark benchmarks. */
    static void requireSpark() {
        if (!org.synapseworkbench.spark.SparkContexts.available()) {
            throw new org.synapseworkbench.work.UserException("Spark is not on the class path; build with ./mvnw -Pspark "
                    + "package and run with -cp \"target/synapse-workbench.jar:target/spark/*\" (docs/spark.md).");
        }
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*(-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : key;
    }
}
