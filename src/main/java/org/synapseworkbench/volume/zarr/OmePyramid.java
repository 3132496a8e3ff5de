package org.synapseworkbench.volume.zarr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.Downsampled;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;
import org.synapseworkbench.work.UserException;

/**
 * Writes a volume as an OME-Zarr image (NGFF 0.4 in Zarr v2, 0.5 in Zarr v3): level 0 as it is, each coarser level computed a chunk at a time
 * from the level written before it ({@link Downsampled}: y and x halved until they are as coarse as z, then all
 * three), and the group's {@code multiscales} with every level's scale and translation in nanometres.
 */
public final class OmePyramid {
    private static final int SMALLEST = 256;
    private static final int MOST = 8;
    private final Volume source;
    private final Path group;
    private final int[] chunks;
    private final ZarrFormat format;
    private final Integer levels;

    /** @param levels the number of levels, or null: until a section is at most 256 voxels across (at most 8) */
    public OmePyramid(Volume source, Path group, int[] chunks, ZarrFormat format, Integer levels) {
        this.source = source;
        this.group = group;
        this.chunks = chunks.clone();
        this.format = format;
        this.levels = levels;
    }

    /** Writes every level and then the group's metadata; {@code task} names the work for {@code progress}. */
    public void write(String task, Progress progress, Cancellation control) {
        boolean labels = Downsampled.holdsLabels(source.type());
        List<double[]> scales = new ArrayList<>();
        List<double[]> shifts = new ArrayList<>();
        Volume level = source;
        ZarrVolume below = null; // the level the next one is computed from
        for (int k = 0; levels == null ? k < MOST : k < levels; k++) {
            int[] shape = level.shape();
            int[] c = new int[shape.length];
            for (int a = 0; a < c.length; a++) {
                c[a] = Math.max(1, Math.min(chunks[a], shape[a]));
            }
            Path array = group.resolve(Integer.toString(k));
            ZarrWriter.create(array, shape, c, level.type(), format, level.resolution())
                    .writeAll(level, task + ", level " + k, progress, control);
            if (below != null) {
                below.close();
                below = null;
            }
            scales.add(level.resolution());
            shifts.add(level.offset());
            int r = shape.length;
            if (levels == null && Math.max(shape[r - 1], shape[r - 2]) <= SMALLEST) {
                break;
            }
            below = ZarrVolume.open(array, new ChunkCache(128L << 20));
            int[] f3 = Downsampled.nextFactors(level.resolution());
            int[] factors = new int[r];
            Arrays.fill(factors, 1);
            System.arraycopy(f3, 0, factors, r - 3, 3);
            level = new Downsampled(below, factors, labels);
        }
        if (below != null) {
            below.close();
        }
        writeMultiscales(scales, shifts, labels);
    }

    private void writeMultiscales(List<double[]> scales, List<double[]> shifts, boolean labels) {
        int r = source.rank();
        JsonArray axes = new JsonArray();
        if (r == 4) {
            JsonObject c = new JsonObject();
            c.addProperty("name", "c");
            c.addProperty("type", "channel");
            axes.add(c);
        }
        for (String name : List.of("z", "y", "x")) {
            JsonObject a = new JsonObject();
            a.addProperty("name", name);
            a.addProperty("type", "space");
            a.addProperty("unit", "nanometer");
            axes.add(a);
        }
        JsonArray datasets = new JsonArray();
        for (int k = 0; k < scales.size(); k++) {
            JsonObject d = new JsonObject();
            d.addProperty("path", Integer.toString(k));
            JsonArray transforms = new JsonArray();
            transforms.add(transform("scale", scales.get(k), r, 1));
            transforms.add(transform("translation", shifts.get(k), r, 0));
            d.add("coordinateTransformations", transforms);
            datasets.add(d);
        }
        JsonObject image = new JsonObject();
        if (format.version() == 2) {
            image.addProperty("version", "0.4");
        }
        image.addProperty("name", String.valueOf(group.getFileName()));
        image.add("axes", axes);
        image.add("datasets", datasets);
        image.addProperty("type", labels ? "mode" : "mean");
        JsonArray multiscales = new JsonArray();
        multiscales.add(image);
        JsonObject attrs = new JsonObject();
        attrs.add("multiscales", multiscales);
        try {
            if (format.version() == 2) {
                AtomicFiles.writeString(group.resolve(".zgroup"), "{\n    \"zarr_format\": 2\n}\n");
                AtomicFiles.writeString(group.resolve(".zattrs"), new GsonBuilder().setPrettyPrinting().create().toJson(attrs)
                        + "\n");
            } else { // NGFF 0.5: the version once, under "ome"
                JsonObject ome = new JsonObject();
                ome.addProperty("version", "0.5");
                ome.add("multiscales", multiscales);
                JsonObject v3 = new JsonObject();
                v3.add("ome", ome);
                AtomicFiles.writeString(group.resolve("zarr.json"), ZarrWriter.groupJson(v3));
            }
        } catch (IOException e) {
            throw new UserException("Cannot write the OME-Zarr metadata of '" + group + "' (" + e.getMessage() + "); check "
                    + "that the folder is writable.", e);
        }
    }

    private static JsonObject transform(String type, double[] zyx, int rank, double channel) {
        JsonObject t = new JsonObject();
        t.addProperty("type", type);
        JsonArray v = new JsonArray();
        if (rank == 4) {
            v.add(channel);
        }
        for (double d : zyx) {
            v.add(d);
        }
        t.add(type, v);
        return t;
    }
}
