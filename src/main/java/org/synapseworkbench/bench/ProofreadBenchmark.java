package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.proofread.InstanceTable;
import org.synapseworkbench.proofread.MissCandidates;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.Sizes;

/**
 * {@code benchmark proofread}: how long the review queue takes to build on a CREMI-sized prediction. A synthetic
 * uint8 probability map (noise under 0.1, bright detections and faint blobs in the doubt band) and the instances of
 * its detections are written once to {@code datasets/benchmark/}; then, with a cold chunk cache each time, the missed
 * synapse candidates are extracted and the instances measured, and the figures printed.
 */
@Command(name = "proofread", header = "Time the search for missed synapses and the instance table.", mixinStandardHelpOptions = true,
        description = {"Time missed-synapse candidate extraction and instance measurement on a generated probability",
            "map of --size with --detections bright blobs and --faint blobs in the doubt band."})
public final class ProofreadBenchmark implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "125,1250,1250", paramLabel = "Z,Y,X", description = "Map size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--detections", defaultValue = "600", description = "Bright blobs, each an instance (default ${DEFAULT-VALUE}).")
    int detections;

    @Option(names = "--faint", defaultValue = "200", description = "Blobs peaking in the doubt band (default ${DEFAULT-VALUE}).")
    int faint;

    @Option(names = "--repeats", defaultValue = "3", description = "Runs of each measurement; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = Sizes.parse(size);
        Path dir = Path.of("datasets/benchmark");
        Files.createDirectories(dir);
        String name = "proofread-" + shape[0] + "x" + shape[1] + "x" + shape[2] + "-" + detections + "-" + faint;
        Path probFile = dir.resolve(name + "-probability.h5");
        Path instFile = dir.resolve(name + "-instances.h5");
        if (!Files.exists(probFile) || !Files.exists(instFile)) {
            out.println("Writing " + probFile + " and " + instFile + "...");
            out.flush();
            long t0 = System.nanoTime();
            Block p = Block.zeros(DataType.UINT8, shape);
            Block ids = Block.zeros(DataType.UINT64, shape);
            SplittableRandom random = new SplittableRandom(11);
            byte[] v = p.bytes();
            for (int i = 0; i < v.length; i++) {
                v[i] = (byte) random.nextInt(26); // noise under 0.1
            }
            for (int n = 0; n < detections + faint; n++) {
                boolean bright = n < detections;
                blob(p, ids, shape, random, bright ? 0.9 : 0.2 + 0.25 * random.nextDouble(), bright ? n + 1 : 0);
            }
            new Hdf5Writer().dataset("main", p).write(probFile);
            p = null;
            new Hdf5Writer().dataset("main", ids).write(instFile);
            out.printf(Locale.ROOT, "  %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        double[] findSeconds = new double[repeats];
        double[] measureSeconds = new double[repeats];
        List<MissCandidates.Candidate> found = List.of();
        List<InstanceTable.Instance> measured = List.of();
        for (int r = 0; r < repeats; r++) {
            try (Hdf5Volume p = Hdf5Volume.open(probFile, "main", new ChunkCache(256L << 20));
                    Hdf5Volume i = Hdf5Volume.open(instFile, "main", new ChunkCache(256L << 20))) {
                long t0 = System.nanoTime();
                found = new MissCandidates(0.15, 0.5, 10).find(p, i, null, null);
                findSeconds[r] = (System.nanoTime() - t0) / 1e9;
            }
            try (Hdf5Volume p = Hdf5Volume.open(probFile, "main", new ChunkCache(256L << 20));
                    Hdf5Volume i = Hdf5Volume.open(instFile, "main", new ChunkCache(256L << 20))) {
                long t0 = System.nanoTime();
                measured = InstanceTable.measure(i, p, false, null, null);
                measureSeconds[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        out.printf(Locale.ROOT, "%nProbability map %s (uint8, gzip, chunks 8 x 128 x 128), cold chunk cache each run, median of %d:%n",
                Sizes.format(shape), repeats);
        out.printf(Locale.ROOT, "  missed-synapse candidates (band 0.15-0.5, at least 10 voxels): %.2f s, %d found (%d faint blobs made; "
                + "blobs may touch)%n", median(findSeconds), found.size(), faint);
        out.printf(Locale.ROOT, "  instance table with mean and peak probability:               %.2f s, %d instances (%d made)%n",
                median(measureSeconds), measured.size(), detections);
        return 0;
    }

    /** An ellipsoid 3 sections deep, about 24 voxels across, whose probability falls from {@code peak} to the rim. */
    private static void blob(Block p, Block ids, int[] shape, SplittableRandom random, double peak, long id) {
        int cz = random.nextInt(shape[0]);
        int cy = random.nextInt(shape[1]);
        int cx = random.nextInt(shape[2]);
        int rz = 1;
        int ry = 6 + random.nextInt(8);
        int rx = 6 + random.nextInt(8);
        for (int z = Math.max(0, cz - rz); z <= Math.min(shape[0] - 1, cz + rz); z++) {
            for (int y = Math.max(0, cy - ry); y <= Math.min(shape[1] - 1, cy + ry); y++) {
                for (int x = Math.max(0, cx - rx); x <= Math.min(shape[2] - 1, cx + rx); x++) {
                    double d = Math.pow((z - cz) / (rz + 0.5), 2) + Math.pow((double) (y - cy) / ry, 2) + Math.pow((double) (x - cx) / rx, 2);
                    if (d > 1) {
                        continue;
                    }
                    int i = (z * shape[1] + y) * shape[2] + x;
                    double v = peak * (1 - 0.5 * d);
                    if (v * 255 > p.getLong(i)) {
                        p.setLong(i, Math.round(v * 255));
                    }
                    if (id != 0 && v >= 0.5) {
                        ids.setLong(i, id);
                    }
                }
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
