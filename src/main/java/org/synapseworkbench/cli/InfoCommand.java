package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.MemoryBudget;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.volume.VolumeStatistics;
import org.synapseworkbench.work.UserException;

/** {@code info}: what an HDF5 file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the datasets of an HDF5 file: shape, type, chunking, compression, resolution, and value or label statistics.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE[:DATASET]", description = "An HDF5 file, optionally with one dataset.")
    String file;

    @Option(names = "--no-stats", description = "Skip the statistics (which read every voxel).")
    boolean noStats;

    @Option(names = "--stats-limit", paramLabel = "VOXELS", defaultValue = "10000000000",
            description = "Skip the statistics of datasets with more voxels than this (default ${DEFAULT-VALUE}, "
                    + "minutes of reading).")
    long statsLimit;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VolumeSpec s = VolumeSpec.parse(file);
        List<String> all = VolumeFiles.datasetPaths(s.file());
        List<String> paths = s.dataset() != null ? List.of(VolumeFiles.choose(s.file(), all, s.dataset())) : all;
        out.println(s.file() + ": " + paths.size() + " dataset" + (paths.size() == 1 ? "" : "s"));
        for (String p : paths) {
            describe(s, p, out);
        }
        return 0;
    }

    private void describe(VolumeSpec s, String path, PrintWriter out) {
        ChunkedVolume v;
        try {
            v = VolumeFiles.open(s.file(), path, ChunkCache.shared());
        } catch (UserException e) {
            out.println("  " + path + ": not a volume (" + e.getMessage() + ")");
            return;
        }
        try (v) {
            out.println("  " + (path.isEmpty() ? "(the store itself)" : path));
            out.printf(Locale.ROOT, "    shape       %s (%s)%n", Arrays.toString(v.shape()), v.rank() == 4 ? "c, z, y, x" : "z, y, x");
            out.printf(Locale.ROOT, "    type        %s%n", v.type().label());
            out.printf(Locale.ROOT, "    storage     %s, %s on disk for %s%n", v.storage(), MemoryBudget.bytes(v.storedBytes()), MemoryBudget.bytes(v.elementCount() * v.type().bytes()));
            out.printf(Locale.ROOT, "    resolution  %s nm (z, y, x)%s, offset %s nm%n", Arrays.toString(v.resolution()),
                    v.resolutionStored() ? "" : " (not stored; CREMI's assumed)", Arrays.toString(v.offset()));
            if (noStats) {
                return;
            }
            if (v.elementCount() > statsLimit) {
                out.printf(Locale.ROOT, "    statistics  skipped: %,d voxels are more than --stats-limit %,d; raise it to read "
                        + "them all, or give --no-stats%n", v.elementCount(), statsLimit);
                return;
            }
            statistics(v, out);
        }
    }

    private static void statistics(ChunkedVolume v, PrintWriter out) {
        VolumeStatistics st = VolumeStatistics.of(v, 1_000_000);
        if (st.idCounts.isEmpty() && st.background + st.noCleft + st.ignore == 0) {
            out.printf(Locale.ROOT, "    values      min %s, max %s, mean %.2f%n", num(st.min), num(st.max), st.mean());
            return;
        }
        long odd = st.idCounts.keySet().stream().filter(id -> (id & 1) == 1).count();
        long labelled = st.labelled();
        out.printf(Locale.ROOT, "    labels      %d ids (%d odd, %d even), %s labelled voxels (%.3f%%)%n", st.idCounts.size(), odd,
                st.idCounts.size() - odd, grouped(labelled), 100.0 * labelled / st.voxels);
        if (st.background > 0) {
            out.printf(Locale.ROOT, "    background  %s voxels of 0%n", grouped(st.background));
        }
        if (v.type() == DataType.UINT64 && (st.noCleft > 0 || st.ignore > 0)) {
            out.printf(Locale.ROOT, "    CREMI       %s no-cleft (0xFFFFFFFFFFFFFFFF), %s ignore (0xFFFFFFFFFFFFFFFE)%n",
                    grouped(st.noCleft), grouped(st.ignore));
        }
        if (!st.idCounts.isEmpty()) {
            List<Map.Entry<Long, Long>> top = new ArrayList<>(st.idCounts.entrySet());
            top.sort(Map.Entry.<Long, Long>comparingByValue().reversed());
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(5, top.size()); i++) {
                b.append(i > 0 ? ", " : "").append(Long.toUnsignedString(top.get(i).getKey())).append(": ")
                        .append(grouped(top.get(i).getValue()));
            }
            out.println("    largest     " + b + (top.size() > 5 ? ", ..." : ""));
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.4g", d);
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
