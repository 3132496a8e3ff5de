package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.n5.N5Writer;
import org.synapseworkbench.volume.zarr.ZarrFormat;
import org.synapseworkbench.volume.zarr.ZarrWriter;

/**
 * postprocess and evaluate read what a map's channels hold from the attribute infer and predict-blocks write, in
 * HDF5, Zarr v3 and N5 (instances-blocks: BlockInstancesTest).
 */
class PostprocessCommandTest {
    @TempDir
    Path dir;

    /**
     * A class map of 2 x 16 x 40: background, then pre at x 5-14 and post at x 15-24 (255 in that class's channel);
     * each side 320 voxels, above evaluate's minimum piece of 128.
     */
    private static Block classMap() {
        int n = 2 * 16 * 40;
        byte[] v = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            int x = i % 40;
            int c = x >= 5 && x < 15 ? 1 : x >= 15 && x < 25 ? 2 : 0;
            v[c * n + i] = (byte) 255;
        }
        return Block.wrap(DataType.UINT8, v, 3, 2, 16, 40);
    }

    private long[] cut(Path map) throws Exception {
        Path out = dir.resolve("labels-" + map.getFileName() + ".h5");
        MainTest.Result r = MainTest.run("postprocess", "--input", map.toString(), "--output", out.toString(), "--min-size", "4");
        assertEquals(0, r.code(), r.err());
        assertEquals(!map.getFileName().toString().equals("silent.h5"), r.out().contains("(exclusive classes"), r.out());
        try (Hdf5Volume v = Hdf5Volume.open(out, "main")) {
            assertEquals("polarity", v.textAttribute("labels"), "the workbench draws them as polarity");
            return v.readAll().longs();
        }
    }

    @Test
    void aMapThatSaysItHoldsClassesIsCutAsClassesWithoutTheFlag() throws Exception {
        Path said = dir.resolve("classes.h5");
        new Hdf5Writer().dataset("vol0", classMap(), Map.of("channels", "background,pre,post")).write(said);
        long[] labels = cut(said);
        assertEquals(0, labels[2]);
        assertEquals(1, labels[40 + 7]); // pre of synapse 1
        assertEquals(2, labels[3 * 40 + 20]); // its post
        // the same map without the attribute is taken for pre, post and union, as PyTC's files are
        Path silent = dir.resolve("silent.h5");
        new Hdf5Writer().dataset("vol0", classMap(), Map.of()).write(silent);
        assertNotEquals(1, cut(silent)[40 + 7]);
    }

    @Test
    void facingMendsThePreVoxelsBehindThePostSide() throws Exception {
        // the class map with pre painted behind the post side too (x 25-29), as models paint it around a narrow post
        Block map = classMap();
        int n = 2 * 16 * 40;
        for (int i = 0; i < n; i++) {
            int x = i % 40;
            if (x >= 25 && x < 30) {
                map.setLong(i, 0);
                map.setLong(n + i, 255);
            }
        }
        Path file = dir.resolve("behind.h5");
        new Hdf5Writer().dataset("vol0", map, Map.of("channels", "background,pre,post")).write(file);
        long[] kept = cut(file);
        assertEquals(1, kept[40 + 26], "as PyTC: pre behind the post side is pre of the synapse");
        Path out = dir.resolve("facing.h5");
        MainTest.Result r = MainTest.run("postprocess", "--input", file.toString(), "--output", out.toString(), "--min-size", "4",
                "--facing");
        assertEquals(0, r.code(), r.err());
        try (Hdf5Volume v = Hdf5Volume.open(out, "main")) {
            long[] facing = v.readAll().longs();
            for (int i = 0; i < n; i++) {
                int x = i % 40;
                long expected = x >= 25 && x < 28 ? 2 : x >= 28 && x < 30 ? 0 : kept[i]; // post within 3 voxels
                assertEquals(expected, facing[i], "voxel " + i + " (x " + x + ")");
            }
        }
    }

    @Test
    void zarrV3AndN5MapsSayItInTheirAttributes() throws Exception {
        long[] expected = cut(written("classes.h5"));
        Path zarr = dir.resolve("map.zarr/classes");
        ZarrWriter.create(zarr, classMap().shape(), new int[] {1, 1, 4, 40}, DataType.UINT8, new ZarrFormat(3, "gzip", 4, null),
                null).writeAll(new InMemoryVolume("map", classMap(), new double[] {40, 4, 4}));
        ZarrWriter.putAttribute(zarr, "channels", "background,pre,post");
        assertArrayEquals(expected, cut(zarr));
        Path n5 = dir.resolve("map.n5/classes");
        N5Writer.create(n5, classMap().shape(), new int[] {1, 1, 4, 40}, DataType.UINT8, N5Writer.compression("raw", 0), null)
                .writeAll(new InMemoryVolume("map", classMap(), new double[] {40, 4, 4}));
        N5Writer.putAttribute(n5, "channels", "background,pre,post");
        assertArrayEquals(expected, cut(n5));
    }

    @Test
    void evaluateCutsAMapThatSaysItHoldsClassesAsClasses() throws Exception {
        Path truth = dir.resolve("truth.h5");
        new Hdf5Writer().dataset("main", Block.wrap(DataType.UINT64, cut(written("classes.h5")), 2, 16, 40), Map.of()).write(truth);
        for (String name : List.of("classes.h5", "silent.h5")) {
            MainTest.Result r = MainTest.run("evaluate", "--prediction", written(name).toString(), "--truth", truth.toString(),
                    "--json");
            assertEquals(0, r.code(), r.err());
            JsonObject pre = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("pre");
            // the silent map's background (255 outside the synapse) is taken for pre: one pre as wide as the volume
            assertEquals(name.equals("classes.h5") ? 1.0 : 0.0, pre.get("f1").getAsDouble(), name + ": " + r.out());
        }
    }

    /** The class map in an HDF5 file, with the attribute infer writes, or without it for "silent.h5". */
    private Path written(String name) {
        Path file = dir.resolve(name);
        new Hdf5Writer().dataset("vol0", classMap(), name.equals("silent.h5") ? Map.of()
                : Map.of("channels", "background,pre,post")).write(file);
        return file;
    }
}
