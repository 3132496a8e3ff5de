package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.ChunkWriter;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.MemoryBudget;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.volume.n5.N5Writer;
import org.synapseworkbench.volume.zarr.OmePyramid;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/** {@code convert}: volumes between HDF5, Zarr and N5, chunk by chunk, with their voxel size. */
@Command(name = "convert", header = "Convert volumes between HDF5, Zarr (v2, v3) and N5, chunk by chunk.", mixinStandardHelpOptions = true,
        description = {"Copies one volume, or every volume of a file or store (keeping their paths), into another format.",
            "INPUT: FILE.h5[:DATASET], STORE.zarr[/ARRAY] or STORE.n5[/DATASET]. OUTPUT: a store (.zarr, .n5), or an",
            "array in one (out.zarr/volumes/raw), or an HDF5 file (out.h5, written at once, atomically). Zarr and N5",
            "are written a chunk at a time (each chunk to a temporary file, then renamed), never whole in memory; the",
            "voxel size goes along (Zarr and N5 'resolution' attributes, HDF5 'resolution')."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "The volume, or the file or store of volumes, to convert.")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "Where to write: out.zarr[/PATH], out.n5[/PATH] or out.h5.")
    String output;

    @Option(names = "--chunks", paramLabel = "Z,Y,X", description = "Chunk shape of the output (default: the input's, "
            + "or 16,256,256 when the input's are larger than 4 million voxels).")
    String chunks;

    @Option(names = "--compression", paramLabel = "NAME", description = "blosc (lz4 inside), gzip, zstd, lz4, bz2 / bzip2, "
            + "xz (N5) or raw (default: blosc for Zarr, gzip for N5 and HDF5).")
    String compression;

    @Option(names = "--level", defaultValue = "5", description = "Compression level (default ${DEFAULT-VALUE}).")
    int level;

    @Option(names = "--zarr-format", paramLabel = "2|3", defaultValue = "2", description = "Zarr version written: 2 "
            + "(.zarray; read by zarr-python 2 and 3, Neuroglancer and most tools; the default) or 3 (zarr.json; "
            + "zarr-python 3, tensorstore; with --ome, NGFF 0.5).")
    int zarrFormat;

    @Option(names = "--shards", paramLabel = "Z,Y,X", description = "Zarr v3 only: keep the chunks in shards of this "
            + "shape (a multiple of the chunks), one file a shard: far fewer files for a big volume.")
    String shards;

    @Option(names = "--ome", description = "Zarr only: write each volume as an OME-Zarr image (NGFF 0.4, or 0.5 with "
            + "--zarr-format 3) with a pyramid "
            + "of coarser levels (the mean of images; the most frequent id of labels, uint32 and uint64).")
    boolean ome;

    @Option(names = "--levels", paramLabel = "N", description = "With --ome: levels in all (default: until a section "
            + "is at most 256 voxels across, at most 8).")
    Integer levels;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The formats written. */
    private enum Format {
        ZARR, N5, HDF5
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VolumeSpec in = VolumeSpec.parse(input);
        if (!java.nio.file.Files.exists(in.file())) {
            throw new UserException("'" + in.file() + "' does not exist; check the path of the input.");
        }
        List<String> datasets = in.dataset() != null ? List.of(in.dataset()) : VolumeFiles.datasetPaths(in.file());
        VolumeSpec target = VolumeSpec.parseOutput(output);
        Format format = format(target.file());
        if (ome && format != Format.ZARR) {
            throw new UserException("--ome writes OME-Zarr: give an output ending in .zarr.");
        }
        if ((shards != null || zarrFormat != 2) && format != Format.ZARR) {
            throw new UserException("--zarr-format and --shards write Zarr: give an output ending in .zarr.");
        }
        if (shards != null && zarrFormat != 3) {
            throw new UserException("Shards are a Zarr v3 feature; write --zarr-format 3 with --shards.");
        }
        if (levels != null && (levels < 1 || levels > 16)) {
            throw new UserException("--levels " + levels + " is not between 1 and 16.");
        }
        Map<String, String> names = new LinkedHashMap<>(); // input dataset -> output dataset
        for (String d : datasets) {
            String name = target.dataset() != null && datasets.size() == 1 ? target.dataset() : d;
            names.put(d, format == Format.HDF5 || !name.isEmpty() ? name : "");
        }
        if (format == Format.HDF5 && names.containsValue("")) {
            names.replaceAll((d, n) -> n.isEmpty() ? "main" : n); // a store that is one array: HDF5 needs a name
        }
        try {
            String said = ConsoleJob.run((progress, control) -> {
                List<String> lines = new ArrayList<>();
                Hdf5Writer hdf5 = format == Format.HDF5 ? new Hdf5Writer() : null;
                int k = 0;
                for (Map.Entry<String, String> e : names.entrySet()) {
                    String of = names.size() > 1 ? " (" + ++k + " of " + names.size() + ")" : "";
                    lines.add(convert(in.file(), e.getKey(), target.file(), e.getValue(), format, hdf5, of, progress, control));
                }
                if (hdf5 != null) {
                    control.check();
                    progress.update("Writing " + target.file(), 0, 1, 0);
                    hdf5.write(target.file());
                }
                return String.join("\n", lines);
            }, spec.commandLine().getErr(), System.console() == null);
            out.println(said);
        } catch (Cancellation.CancelledException e) {
            spec.commandLine().getErr().println("Conversion stopped; the chunks written so far are whole, the rest are "
                    + "missing (run it again to write them all).");
            return Main.INTERRUPTED;
        }
        out.flush();
        return 0;
    }

    /** A path naming a store (.zarr, .n5) is written as one; anything else as an HDF5 file. */
    private static Format format(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".zarr") ? Format.ZARR : n.endsWith(".n5") ? Format.N5 : Format.HDF5;
    }

    private String convert(Path from, String dataset, Path to, String name, Format format, Hdf5Writer hdf5, String of,
            Progress progress, Cancellation control) {
        try (ChunkedVolume v = VolumeFiles.open(from, dataset, new ChunkCache(256L << 20))) {
            String where = format == Format.HDF5 ? to + ":" + name : to + (name.isEmpty() ? "" : "/" + name);
            String task = "Converting " + v.name() + of;
            // what a probability map's channels hold (infer's attribute) and what labels are (postprocess's), kept so
            // that the copy is cut and drawn as the original
            Map<String, String> said = new LinkedHashMap<>();
            for (String key : new String[] {"channels", "labels"}) {
                String value = v.textAttribute(key);
                if (value != null) {
                    said.put(key, value);
                }
            }
            if (format == Format.HDF5) {
                progress.update(task, 0, 1, 0);
                MemoryBudget.requireWhole("writing HDF5 holds a volume in memory", v, 0,
                        "convert to Zarr or N5 instead, which are written a chunk at a time.");
                Block all = v.read(new int[v.rank()], v.shape());
                Map<String, Object> attributes = new LinkedHashMap<>(said);
                attributes.put("resolution", v.resolution());
                hdf5.dataset(name, all, outputChunks(v), attributes);
                return describe(v, where, "gzip (level 4)");
            }
            int[] outChunks = outputChunks(v);
            ZarrFormat zarr = format == Format.ZARR ? zarrFormat(outChunks) : null;
            if (ome) {
                new OmePyramid(v, to.resolve(name), outChunks, zarr, levels).write(task, progress, control);
                return describe(v, where, compressionName(format) + zarrVersion(zarr) + ", OME-Zarr");
            }
            Path array = format == Format.ZARR || !name.isEmpty() ? to.resolve(name) : to;
            ChunkWriter writer = format == Format.ZARR
                    ? ZarrWriter.create(array, v.shape(), outChunks, v.type(), zarr, v.resolution())
                    : N5Writer.create(array, v.shape(), outChunks, v.type(), N5Writer.compression(n5Compression(), level),
                            v.resolution());
            for (Map.Entry<String, String> e : said.entrySet()) {
                if (format == Format.ZARR) {
                    ZarrWriter.putAttribute(array, e.getKey(), e.getValue());
                } else {
                    N5Writer.putAttribute(array, e.getKey(), e.getValue());
                }
            }
            writer.writeAll(v, task, progress, control);
            return describe(v, where, compressionName(format) + zarrVersion(zarr));
        }
    }

    private static String zarrVersion(ZarrFormat zarr) {
        return zarr == null || zarr.version() == 2 ? "" : ", Zarr v3" + (zarr.shards() == null ? ""
                : ", shards " + Arrays.toString(zarr.shards()));
    }

    private static String describe(ChunkedVolume v, String where, String how) {
        return String.format(Locale.ROOT, "wrote %s: %s %s, %s", where, v.type().label(), Arrays.toString(v.shape()), how);
    }

    private String compressionName(Format format) {
        String c = compression == null ? (format == Format.ZARR ? "blosc" : "gzip") : compression.toLowerCase(Locale.ROOT);
        return c + (c.equals("raw") ? "" : " (level " + level + ")");
    }

    /** The Zarr version, compressor and shards asked for; the shards a multiple of {@code chunks} (z, y, x last). */
    private ZarrFormat zarrFormat(int[] chunks) {
        String c = compression == null ? "blosc" : compression.toLowerCase(Locale.ROOT);
        String id = switch (c) {
            case "raw", "none" -> "raw";
            case "bzip2", "bz2" -> "bz2";
            case "blosc", "gzip", "zstd", "lz4", "zlib" -> c;
            default -> throw new UserException("--compression " + compression + " is not one Zarr is written with here: "
                    + "blosc, gzip, zlib, zstd, lz4, bz2 or raw.");
        };
        int[] s = shards == null ? null : zyx("--shards", shards);
        for (int a = 0; s != null && a < 3; a++) {
            int c0 = chunks[chunks.length - 3 + a];
            if (s[a] % c0 != 0) {
                throw new UserException("--shards " + shards + " is not a multiple of the chunks " + Arrays.toString(
                        Arrays.copyOfRange(chunks, chunks.length - 3, chunks.length)) + "; give whole multiples of them.");
            }
        }
        return new ZarrFormat(zarrFormat, id, id.equals("bz2") ? Math.max(1, level) : level, s);
    }

    /** An option's value Z,Y,X ({@link Sizes#parse}), its error naming the option. */
    private static int[] zyx(String option, String value) {
        try {
            return Sizes.parse(value);
        } catch (UserException e) {
            throw new UserException(option + ": " + e.getMessage() + ".");
        }
    }

    private String n5Compression() {
        String c = compression == null ? "gzip" : compression.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "raw", "none" -> "raw";
            case "bz2", "bzip2" -> "bzip2";
            case "gzip", "xz", "lz4", "blosc" -> c;
            default -> throw new UserException("--compression " + compression + " is not one N5 is written with: gzip, "
                    + "bzip2, xz, lz4, blosc or raw.");
        };
    }

    /** --chunks, else the input's chunks when not huge, else 16 x 256 x 256 (1 along a channel axis). */
    private int[] outputChunks(ChunkedVolume v) {
        int r = v.rank();
        int[] shape = v.shape();
        int[] c;
        if (chunks != null) {
            int[] zyx = zyx("--chunks", chunks);
            c = new int[r];
            Arrays.fill(c, 1);
            System.arraycopy(zyx, 0, c, r - 3, 3);
        } else if (Block.elementCount(v.chunkShape()) <= (4L << 20)) {
            c = v.chunkShape();
        } else {
            c = new int[r];
            Arrays.fill(c, 1);
            int[] wanted = {16, 256, 256};
            for (int a = 0; a < 3; a++) {
                c[r - 3 + a] = wanted[a];
            }
        }
        for (int a = 0; a < r; a++) {
            c[a] = Math.max(1, Math.min(c[a], Math.max(1, shape[a])));
        }
        return c;
    }
}
