package org.synapseworkbench.ui.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.synapseworkbench.bench.BenchmarkCommand;
import org.synapseworkbench.ui.viewer.SliceView;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.ui.viewer.render.FrameComposer;
import org.synapseworkbench.ui.viewer.render.GrayMapping;
import org.synapseworkbench.ui.viewer.render.Sampling;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.zarr.OmePyramid;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * {@code benchmark pyramid}: the viewer's frame of a whole section of a big OME-Zarr image with its labels, composed
 * as the window composes it ({@link FrameComposer}, no display needed), from the pyramid and from the full-resolution
 * level alone.
 */
@Command(name = "pyramid", mixinStandardHelpOptions = true,
        header = "Time the viewer's zoomed-out frame of a big OME-Zarr image, with and without its pyramid.",
        description = {"Writes (once, into datasets/benchmark/) an OME-Zarr store of --size with an image (uint8) and clefts",
            "(uint64), each with its pyramid, then composes the frame the window shows for a whole section (--frame",
            "pixels square, the image mapped to grey, the clefts blended over it): from the coarsest level with a voxel",
            "per pixel, and from the full-resolution level alone; cold (store just opened) and warm (frame drawn before),",
            "and a frame of the same size at full resolution in the middle for comparison."})
public final class PyramidBenchmark implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "Z,Y,X", defaultValue = "4,10000,10000",
            description = "Size of the volume (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--frame", defaultValue = "1200", description = "Frame height and width in pixels (default: ${DEFAULT-VALUE}).")
    int framePixels;

    @Option(names = "--repeats", defaultValue = "5", description = "Runs of each measurement; the median is reported "
            + "(default: ${DEFAULT-VALUE}).")
    int repeats;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] shape = Sizes.parse(size);
        Path store = Path.of("datasets/benchmark/pyramid-" + shape[0] + "x" + shape[1] + "x" + shape[2] + ".ome.zarr");
        write(store, shape, out);
        int n = framePixels;
        double step = (double) Math.max(shape[1], shape[2]) / n;
        int z = shape[0] / 2;
        out.printf(Locale.ROOT, "%nA frame of %d x %d pixels of section %d of %s (medians of %d):%n", n, n, z,
                Arrays.toString(shape), repeats);
        out.printf(Locale.ROOT, "%-46s %12s %12s%n", "", "cold", "warm");
        double[] pyramid = time(store, true, z, Sampling.of(shape[1], shape[2], step), new int[2]);
        out.printf(Locale.ROOT, "%-46s %9.1f ms %9.1f ms%n", String.format(Locale.ROOT,
                "whole section (%.1f voxels a pixel), pyramid", step), pyramid[0], pyramid[1]);
        double[] full = time(store, false, z, Sampling.of(shape[1], shape[2], step), new int[2]);
        out.printf(Locale.ROOT, "%-46s %9.1f ms %9.1f ms%n", "whole section, full resolution only", full[0], full[1]);
        double[] middle = time(store, true, z, Sampling.of(n, n, 1), new int[] {shape[1] / 2 - n / 2, shape[2] / 2 - n / 2});
        out.printf(Locale.ROOT, "%-46s %9.1f ms %9.1f ms%n", "middle at full resolution (1 voxel a pixel)", middle[0], middle[1]);
        out.printf(Locale.ROOT, "ratio (full resolution only / pyramid): cold %.1fx, warm %.1fx%n", full[0] / pyramid[0],
                full[1] / pyramid[1]);
        return 0;
    }

    /** Median times (ms) of the frame cold (store opened anew) and warm (drawn once before) over the repeats. */
    private double[] time(Path store, boolean usePyramid, int z, Sampling sampling, int[] region) {
        double[] cold = new double[repeats];
        double[] warm = new double[repeats];
        for (int r = -1; r < repeats; r++) { // run -1 warms the code up and is not counted
            ChunkCache cache = new ChunkCache(ChunkCache.shared().maxBytes());
            try (ChunkedVolume raw = VolumeFiles.open(store, "volumes/raw", cache);
                    ChunkedVolume clefts = VolumeFiles.open(store, "volumes/labels/clefts", cache)) {
                Volume image = usePyramid ? raw : fullOnly(raw);
                LabelLayer layer = new LabelLayer("clefts", usePyramid ? clefts : fullOnly(clefts), LayerKind.CLEFTS);
                List<LabelLayer> shown = List.of(layer);
                List<LabelLayer.Style> styles = List.of(layer.style());
                int[] frame = new int[sampling.width() * sampling.height()];
                for (int pass = 0; pass < (r < 0 ? 10 : 2); pass++) { // the uncounted run: ten frames to compile the code
                    FrameComposer composer = new FrameComposer(); // a new one: nothing of the last frame reused
                    long t0 = System.nanoTime();
                    composer.compose(image, SliceView.XY, z, region, sampling, GrayMapping.uint8(), shown, styles, frame,
                            () -> false, () -> { });
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r >= 0) {
                        (pass == 0 ? cold : warm)[r] = ms;
                    }
                }
            }
        }
        return new double[] {BenchmarkCommand.median(cold), BenchmarkCommand.median(warm)};
    }

    /** The volume without its coarser levels: every frame read from full resolution. */
    private static Volume fullOnly(Volume v) {
        return new Volume() {
            @Override public String name() { return v.name(); }
            @Override public int[] shape() { return v.shape(); }
            @Override public DataType type() { return v.type(); }
            @Override public int[] chunkShape() { return v.chunkShape(); }
            @Override public double[] resolution() { return v.resolution(); }
            @Override public boolean resolutionStored() { return v.resolutionStored(); }
            @Override public double[] offset() { return v.offset(); }
            @Override public Block read(int[] start, int[] size) { return v.read(start, size); }
            @Override public Block readSampled(int axis, int index, int[] rows, int[] cols, Block reuse) {
                return v.readSampled(axis, index, rows, cols, reuse);
            }
        };
    }

    /** Writes the store once: a smooth image with noise, and round clefts on a grid, each an OME-Zarr pyramid. */
    private static void write(Path store, int[] shape, PrintWriter out) {
        if (Files.exists(store.resolve("volumes/labels/clefts/zarr.json"))) {
            return;
        }
        ZarrFormat format = new ZarrFormat(3, "blosc", 5, new int[] {1, 2048, 2048});
        int[] chunks = {1, 512, 512};
        Volume image = generated(shape, DataType.UINT8, (z, y, x) -> {
            long h = (x * 0x9E3779B1L ^ y * 0x85EBCA77L ^ z * 0xC2B2AE3DL) * 0x27D4EB2FL;
            return (long) (128 + 60 * Math.sin(x / 97.0) * Math.cos(y / 131.0) + (h >>> 59)) & 0xFF;
        });
        Volume clefts = generated(shape, DataType.UINT64, (z, y, x) -> {
            int cy = y / 400;
            int cx = x / 400;
            long dy = y - (cy * 400L + 200);
            long dx = x - (cx * 400L + 200);
            return dy * dy + dx * dx < 60 * 60 ? cy * 1000L + cx + 1 : 0;
        });
        for (Object[] v : new Object[][] {{"volumes/raw", image}, {"volumes/labels/clefts", clefts}}) {
            out.println("Writing " + store.resolve((String) v[0]) + " with its pyramid (once)...");
            out.flush();
            new OmePyramid((Volume) v[1], store.resolve((String) v[0]), chunks, format, null).write("Writing", Progress.NONE,
                    new Cancellation());
        }
    }

    private interface Voxel {
        long at(int z, int y, int x);
    }

    /** A volume computed voxel by voxel as it is read. */
    private static Volume generated(int[] shape, DataType type, Voxel f) {
        return new Volume() {
            @Override public String name() { return "generated"; }
            @Override public int[] shape() { return shape.clone(); }
            @Override public DataType type() { return type; }
            @Override public int[] chunkShape() { return new int[] {1, 512, 512}; }
            @Override public double[] resolution() { return new double[] {40, 4, 4}; }
            @Override public boolean resolutionStored() { return true; }
            @Override public double[] offset() { return new double[3]; }
            @Override public Block read(int[] start, int[] size) {
                Block b = Block.zeros(type, size);
                int i = 0;
                for (int z = 0; z < size[0]; z++) {
                    for (int y = 0; y < size[1]; y++) {
                        for (int x = 0; x < size[2]; x++) {
                            b.setLong(i++, f.at(start[0] + z, start[1] + y, start[2] + x));
                        }
                    }
                }
                return b;
            }
        };
    }
}
