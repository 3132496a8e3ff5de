package org.synapseworkbench.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.api.java.JavaSparkContext;

import org.synapseworkbench.post.BlockIds;
import org.synapseworkbench.post.BlockJoin;
import org.synapseworkbench.post.BlockLabelling;
import org.synapseworkbench.post.BlockSummary;
import org.synapseworkbench.post.FacePairs;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkWriter;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Grid;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.VolumeSpec;
import org.synapseworkbench.volume.n5.N5Writer;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * {@code postprocess} of a probability map as a grid of blocks on Spark, in three passes: (1) each block is labelled
 * alone ({@link BlockLabelling}) and keeps its face planes and piece sizes in a file of its own beside the output
 * ({@code .blocks-pieces/}); (2) each block finds the pieces that touch its later neighbours ({@link FacePairs}); on the
 * driver, the pieces are joined and numbered ({@link BlockJoin}); (3) each block labels itself again, takes its ids
 * and writes the output chunks it owns (uint64 labels, Zarr or N5, each chunk to a temporary file renamed into place),
 * then marks itself done. The result is {@code postprocess}'s partition of the whole volume. A rerun of the same work
 * reuses the first pass's files and skips the blocks written.
 */
public final class BlockInstances implements Serializable {
    /**
     * What to cut into instances and where.
     *
     * @param input the probability map ({@code infer}'s HDF5 or {@code predict-blocks}' Zarr or N5 array)
     * @param output the labels' folder in a Zarr ({@code out.zarr/synapses}) or N5 store
     * @param block block shape (z, y, x), a whole number of chunks
     * @param chunks output chunk shape (z, y, x); null: the largest divisors of the block up to 16 x 256 x 256
     */
    public record Options(String input, Path output, BlockLabelling.Settings settings, int[] block, int[] chunks) {
    }

    /** How a run went: blocks in all, written before (skipped), written now, instances, and seconds. */
    public record Outcome(long blocks, long skipped, long written, long instances, double seconds) {
    }

    private final String input;
    private final String output;
    private final boolean n5;
    private final BlockLabelling.Settings settings;
    private final Grid blocks;
    private final int[] shape;
    private final DoneMarkers pieces;
    private final DoneMarkers written;
    private final transient Set<Long> done;

    private BlockInstances(String input, String output, boolean n5, BlockLabelling.Settings settings, Grid blocks,
            Set<Long> done) {
        this.input = input;
        this.output = output;
        this.n5 = n5;
        this.settings = settings;
        this.blocks = blocks;
        this.shape = blocks.shape();
        this.pieces = new DoneMarkers(Path.of(output), ".blocks-pieces");
        this.written = new DoneMarkers(Path.of(output));
        this.done = done;
    }

    /**
     * On the driver: checks the options against the map, makes the output array (uint64, z x y x) and finds the blocks
     * written, and the first passes done, by a run of the same work.
     */
    public static BlockInstances prepare(Options o) {
        boolean n5 = BlockPrediction.isN5(o.output());
        VolumeSpec spec = VolumeSpec.parse(o.input());
        String input = new VolumeSpec(spec.file().toAbsolutePath(), spec.dataset()).toString();
        int[] shape;
        double[] resolution;
        try (ChunkedVolume map = VolumeFiles.open(spec, "vol0", "main")) {
            int channels = map.rank() == 4 ? map.shape()[0] : 1;
            if (map.rank() != 3 && map.rank() != 4) {
                throw new UserException(map.name() + " has shape " + Arrays.toString(map.shape()) + "; give a probability map "
                        + "(z, y, x) or (channels, z, y, x).");
            }
            if (o.settings().polarity() && channels != 3) {
                throw new UserException(map.name() + " has " + channels + " channel(s); polarity needs 3 (pre, post, union "
                        + "or background, pre, post). Use --task cleft for a cleft map.");
            }
            shape = Arrays.copyOfRange(map.shape(), map.rank() - 3, map.rank());
            resolution = map.resolution();
        }
        int[] chunks = BlockPrediction.checkedChunks(o.block(), o.chunks());
        int[] outChunks = {Math.min(chunks[0], shape[0]), Math.min(chunks[1], shape[1]), Math.min(chunks[2], shape[2])};
        Path out = o.output().toAbsolutePath();
        // what the ids are, as postprocess says it, so that the workbench draws and reviews them as such
        String labels = o.settings().polarity() ? "polarity" : "clefts";
        if (n5) {
            N5Writer.create(out, shape, outChunks, DataType.UINT64, N5Writer.compression("gzip", 4), resolution);
            N5Writer.putAttribute(out, "labels", labels);
        } else {
            ZarrWriter.create(out, shape, outChunks, DataType.UINT64, ZarrFormat.v2("blosc", 5), resolution);
            ZarrWriter.putAttribute(out, "labels", labels);
        }
        Grid grid = new Grid(shape, o.block());
        BlockLabelling.Settings s = o.settings();
        String what = "input " + input + "\nsettings " + s.polarity() + " " + s.threshold() + " " + s.connectivity() + " "
                + s.minSize() + " " + s.exclusive() + " " + Arrays.toString(s.dilation()) + "\nchunks " + Arrays.toString(outChunks);
        BlockInstances draft = new BlockInstances(input, out.toString(), n5, s, grid, Set.of());
        draft.pieces.begin(grid, what);
        return new BlockInstances(input, out.toString(), n5, s, grid, draft.written.begin(grid, what));
    }

    /** The blocks in all. */
    public Grid blocks() {
        return blocks;
    }

    /** The blocks written before. */
    public Set<Long> done() {
        return done;
    }

    /** Runs the three passes, telling {@code progress} as blocks finish. */
    public Outcome run(JavaSparkContext sc, Progress progress) {
        long t0 = System.nanoTime();
        int n = (int) blocks.count();
        List<Long> all = new ArrayList<>(n);
        for (long k = 0; k < n; k++) {
            all.add(k);
        }
        List<BlockSummary> summaries;
        try (SparkProgress p = SparkProgress.follow(sc, "Labelling blocks", n, progress)) {
            summaries = sc.parallelize(all, n).map(this::summarize).collect();
        }
        List<long[][]> pairs;
        try (SparkProgress p = SparkProgress.follow(sc, "Finding pieces that touch across blocks", n, progress)) {
            pairs = sc.parallelize(all, n).map(k -> FacePairs.find(blocks, k, this::faces, settings)).collect();
        }
        BlockJoin.Result joined = BlockJoin.join(summaries, pairs, settings);
        List<BlockIds> todo = joined.blocks().stream().filter(b -> !done.contains(b.block())).collect(Collectors.toList());
        if (!todo.isEmpty()) {
            try (SparkProgress p = SparkProgress.follow(sc, "Writing labels", todo.size(), progress)) {
                sc.parallelize(todo, todo.size()).foreach(this::write);
            }
        }
        return new Outcome(n, n - todo.size(), todo.size(), joined.instances(), (System.nanoTime() - t0) / 1e9);
    }

    /** First pass, on an executor: labels block {@code k} and keeps its summary and faces (unless a run before did). */
    BlockSummary summarize(long k) {
        if (pieces.isDone(k)) {
            return stored(k, false).summary;
        }
        int[] g = blocks.position(k);
        BlockLabelling.Pieces p = label(k);
        BlockSummary summary = p.summary(k, BlockLabelling.sharedFaces(blocks, g), settings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes), 1 << 16))) {
            int kinds = summary.faceLabels().length;
            out.writeInt(kinds);
            out.writeLong(summary.inside());
            for (int kind = 0; kind < kinds; kind++) {
                out.writeInt(summary.faceLabels()[kind].length);
                for (int i = 0; i < summary.faceLabels()[kind].length; i++) {
                    out.writeInt(summary.faceLabels()[kind][i]);
                    out.writeLong(summary.faceSizes()[kind][i]);
                }
            }
            for (int[][] kind : p.faces()) {
                for (int[] face : kind) {
                    out.writeInt(face.length);
                    for (int v : face) {
                        out.writeInt(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pieces.markDone(k, bytes.toByteArray());
        return summary;
    }

    private int[][][] faces(long k) {
        return stored(k, true).faces;
    }

    private record Stored(BlockSummary summary, int[][][] faces) {
    }

    /** The summary (and faces, when asked) the first pass kept of block {@code k}. */
    private Stored stored(long k, boolean withFaces) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(
                new ByteArrayInputStream(pieces.content(k)))))) {
            int kinds = in.readInt();
            long inside = in.readLong();
            int[][] labels = new int[kinds][];
            long[][] sizes = new long[kinds][];
            for (int kind = 0; kind < kinds; kind++) {
                int n = in.readInt();
                labels[kind] = new int[n];
                sizes[kind] = new long[n];
                for (int i = 0; i < n; i++) {
                    labels[kind][i] = in.readInt();
                    sizes[kind][i] = in.readLong();
                }
            }
            int[][][] faces = null;
            if (withFaces) {
                faces = new int[kinds][6][];
                for (int kind = 0; kind < kinds; kind++) {
                    for (int f = 0; f < 6; f++) {
                        faces[kind][f] = new int[in.readInt()];
                        for (int i = 0; i < faces[kind][f].length; i++) {
                            faces[kind][f][i] = in.readInt();
                        }
                    }
                }
            }
            return new Stored(new BlockSummary(k, labels, sizes, inside), faces);
        } catch (IOException e) {
            throw new UserException("The pieces kept of block " + k + " in '" + output + "/.blocks-pieces' are unreadable ("
                    + e.getMessage() + "); delete that folder and run again.", e);
        }
    }

    /** Third pass, on an executor: labels the block again, numbers it as joined, writes its chunks and marks it done. */
    void write(BlockIds ids) {
        long k = ids.block();
        BlockPrediction.failForTests(k);
        int[] g = blocks.position(k);
        Block labels = BlockLabelling.labels(label(k), BlockLabelling.sharedFaces(blocks, g), ids, settings);
        ChunkWriter writer = n5 ? N5Writer.open(Path.of(output)) : ZarrWriter.open(Path.of(output));
        writer.writeBox(blocks.box(g)[0], labels);
        written.markDone(k);
    }

    /** Reads the map around block {@code k} and labels the block. */
    private BlockLabelling.Pieces label(long k) {
        int[][] box = blocks.box(blocks.position(k));
        int[][] region = BlockLabelling.region(shape, box[0], box[1], settings);
        Block map;
        try (ChunkedVolume v = VolumeFiles.open(VolumeSpec.parse(input), "vol0", "main")) {
            if (v.rank() == 4) {
                int channels = settings.polarity() ? 3 : 1;
                map = v.read(new int[] {0, region[0][0], region[0][1], region[0][2]},
                        new int[] {channels, region[1][0], region[1][1], region[1][2]});
            } else {
                map = v.read(region[0], region[1]);
            }
        }
        return BlockLabelling.label(map, region[0], box[0], box[1], settings);
    }

    /** One line on the outcome. */
    public String describe(Outcome o) {
        return String.format(Locale.ROOT, "wrote %s: %d %s; %d blocks written in %.1f s, %d written before.", output,
                o.instances(), settings.polarity() ? "synapses" : "clefts", o.written(), o.seconds(), o.skipped());
    }
}
