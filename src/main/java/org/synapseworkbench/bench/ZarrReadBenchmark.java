package org.synapseworkbench.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.volume.zarr.Numcodecs;
import org.synapseworkbench.volume.zarr.ZarrVolume;
import org.synapseworkbench.volume.zarr.ZarrWriter;
import org.synapseworkbench.work.UserException;

/** {@code benchmark zarr-read}: first section and whole read of Zarr arrays, against zarr-python in the same run. */
@Command(name = "zarr-read", mixinStandardHelpOptions = true,
        header = "Time reading Zarr arrays (first section, whole) against zarr-python.",
        description = {"Writes a synthetic uint8 volume of --size as Zarr v2 arrays with blosc (lz4 inside), zstd and gzip",
            "(once, into datasets/benchmark/), then times opening each and reading its first z-section, and reading",
            "it whole, here and with zarr-python (python3-zarr, through --python) on the same arrays in the same run."})
public final class ZarrReadBenchmark implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "Z,Y,X", defaultValue = "125,1250,1250",
            description = "Size of the volume (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--chunks", paramLabel = "Z,Y,X", defaultValue = "8,128,128",
            description = "Chunk shape of the arrays (default: ${DEFAULT-VALUE}).")
    String chunks;

    @Option(names = "--repeats", defaultValue = "3", description = "Runs of each measurement; the median is reported "
            + "(default: ${DEFAULT-VALUE}).")
    int repeats;

    @picocli.CommandLine.Mixin
    PeerPython python;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final String[] COMPRESSORS = {"blosc", "zstd", "gzip"};

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = Sizes.parse(size);
        int[] chunk = Sizes.parse(chunks);
        Path folder = Path.of("datasets/benchmark/zarr-" + shape[0] + "x" + shape[1] + "x" + shape[2] + "-c" + chunk[0] + "x"
                + chunk[1] + "x" + chunk[2] + ".zarr");
        Block image = null;
        for (String c : COMPRESSORS) {
            Path array = folder.resolve(c);
            if (!Files.exists(array.resolve(".zarray"))) {
                if (image == null) {
                    out.println("Generating a " + Sizes.format(shape) + " uint8 volume...");
                    out.flush();
                    image = new SyntheticEmGenerator(SynthParams.of(shape, 7)).generate().image();
                }
                out.println("Writing " + array + " (chunks " + Sizes.format(chunk) + ", " + c + ")...");
                out.flush();
                ZarrWriter.create(array, shape, chunk, DataType.UINT8, Numcodecs.config(c, c.equals("gzip") ? 5 : 3), null)
                        .writeAll(new InMemoryVolume(c, image, new double[] {40, 4, 4}));
            }
        }
        image = null;
        List<double[]> ours = new ArrayList<>();
        long[] sums = new long[COMPRESSORS.length];
        double[] cold = new double[COMPRESSORS.length];
        for (int k = 0; k < COMPRESSORS.length; k++) {
            Path array = folder.resolve(COMPRESSORS[k]);
            double[] first = new double[repeats];
            double[] whole = new double[repeats];
            for (int r = -1; r < repeats; r++) { // run -1 warms the code up and is not counted (its first section is shown)
                long t0 = System.nanoTime();
                try (ZarrVolume v = ZarrVolume.open(array, new ChunkCache(ChunkCache.shared().maxBytes()))) {
                    Block s = v.readSection(0);
                    double t = (System.nanoTime() - t0) / 1e9;
                    if (r < 0) {
                        cold[k] = t;
                    } else {
                        first[r] = t;
                    }
                    long sum = 0;
                    for (int i = 0; i < s.size(); i++) {
                        sum += s.getLong(i);
                    }
                    sums[k] = sum;
                }
                t0 = System.nanoTime();
                try (ZarrVolume v = ZarrVolume.open(array, new ChunkCache(ChunkCache.shared().maxBytes()))) {
                    v.readAll();
                    if (r >= 0) {
                        whole[r] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
            ours.add(new double[] {BenchmarkCommand.median(first), BenchmarkCommand.median(whole)});
        }
        out.printf(Locale.ROOT, "%nZarr v2 arrays of %s uint8, chunks %s, in %s (medians of %d runs):%n",
                Arrays.toString(shape), Arrays.toString(chunk), folder, repeats);
        out.printf(Locale.ROOT, "%-8s %-22s %14s %12s %12s%n", "codec", "reader", "first section", "whole read", "checksum");
        String py = python.command();
        List<JsonObject> peer = new ArrayList<>();
        if (py != null) {
            List<String> args = new ArrayList<>(List.of(Integer.toString(repeats)));
            for (String c : COMPRESSORS) {
                args.add(folder.resolve(c).toString());
            }
            String lines = Peers.runAll(py, Peers.ZARR_READ, args.toArray(String[]::new));
            if (lines != null) {
                lines.lines().filter(l -> l.startsWith("{")).forEach(l -> peer.add(JsonParser.parseString(l).getAsJsonObject()));
            }
        }
        for (int k = 0; k < COMPRESSORS.length; k++) {
            out.printf(Locale.ROOT, "%-8s %-22s %11.1f ms %10.2f s %12d%n", COMPRESSORS[k], "Synapse Workbench",
                    ours.get(k)[0] * 1e3, ours.get(k)[1], sums[k]);
            if (k < peer.size()) {
                JsonObject p = peer.get(k);
                double pf = p.get("first_section_s").getAsDouble();
                double pw = p.get("whole_s").getAsDouble();
                out.printf(Locale.ROOT, "%-8s %-22s %11.1f ms %10.2f s %12d%n", "", p.get("peer").getAsString(), pf * 1e3,
                        pw, p.get("checksum").getAsLong());
                out.printf(Locale.ROOT, "%-8s %-22s %13.2fx %11.2fx%n", "", "ratio (peer / ours)", pf / ours.get(k)[0],
                        pw / ours.get(k)[1]);
                if (p.get("checksum").getAsLong() != sums[k]) {
                    throw new UserException("The first sections differ between this program and zarr-python ("
                            + sums[k] + " and " + p.get("checksum") + "); the array " + COMPRESSORS[k] + " may be damaged.");
                }
            }
        }
        out.printf(Locale.ROOT, "First sections of a process's first run (code not yet compiled, not counted above): %s.%n",
                String.join(", ", java.util.stream.IntStream.range(0, COMPRESSORS.length).mapToObj(k -> String.format(
                        Locale.ROOT, "%s %.0f ms", COMPRESSORS[k], cold[k] * 1e3)).toList()));
        if (py == null || peer.size() < COMPRESSORS.length) {
            out.println("Peer skipped or failed (no Python with zarr; install python3-zarr or pass --python).");
        }
        return 0;
    }
}
