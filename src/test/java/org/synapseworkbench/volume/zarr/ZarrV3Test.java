package org.synapseworkbench.volume.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.SystemPython;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.work.UserException;

/**
 * Zarr v3 against arrays written and read by hand from the specification in Python (zarr_v3.py: numpy and numcodecs;
 * Debian has no zarr-python 3): the codecs bytes (both byte orders), transpose, gzip, zstd, blosc and crc32c;
 * sharding_indexed with its index at the end or the start, missing inner chunks and shards; both chunk key encodings;
 * fill values in hex; an OME-Zarr 0.5 image of five axes (t, c, z, y, x) with its levels.
 */
class ZarrV3Test {
    private static String script() throws Exception {
        try (var in = ZarrV3Test.class.getResourceAsStream("zarr_v3.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Block expected(Path file, DataType type, int[] shape) throws Exception {
        return Block.decode(type, ByteOrder.LITTLE_ENDIAN, Files.readAllBytes(file), shape);
    }

    private static void assertSameValues(Block expected, Block actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        for (int i = 0; i < actual.size(); i++) {
            if (actual.type().isFloating()) {
                assertEquals(0, Double.compare(expected.getDouble(i), actual.getDouble(i)), what + " at " + i);
            } else {
                assertEquals(expected.getLong(i), actual.getLong(i), what + " at " + i);
            }
        }
    }

    @Test
    void arraysWrittenFromTheSpecificationAreReadVoxelForVoxel(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("numpy, numcodecs"), "python3-numcodecs is not installed");
        String out = SystemPython.run(script(), "write", dir.toString());
        List<String> cases = new com.google.gson.Gson().fromJson(out.strip().lines().reduce((a, b) -> b).orElseThrow(),
                new com.google.gson.reflect.TypeToken<List<String>>() { }.getType());
        assertEquals(7, cases.size(), out);
        ChunkCache cache = new ChunkCache(64L << 20);
        for (String name : cases) {
            try (ZarrVolume v = ZarrVolume.open(dir.resolve(name), cache)) {
                assertArrayEquals(new int[] {11, 20, 23}, v.shape(), name);
                Block all = v.read(new int[3], v.shape());
                Block want = expected(dir.resolve(name + ".expected"), v.type(), v.shape());
                assertSameValues(want, all, name);
                Block box = v.read(new int[] {4, 6, 8}, new int[] {2, 2, 2}); // across chunk (and shard) borders
                assertEquals(want.getDouble(want.index(5, 7, 9)), box.getDouble(7), name);
            }
        }
        try (ZarrVolume v = ZarrVolume.open(dir.resolve("u8-sharded-end"), cache)) {
            assertEquals(DataType.UINT64, v.type());
            assertArrayEquals(new int[] {5, 7, 9}, v.chunkShape(), "read an inner chunk at a time");
            assertEquals("Zarr v3, shards [10, 14, 18], inner chunks [5, 7, 9]: zstd (level 3)",
                    v.storage());
            assertEquals(7, v.read(new int[] {10, 19, 22}, new int[] {1, 1, 1}).getLong(0), "a missing shard: the fill");
        }
        try (ZarrVolume v = ZarrVolume.open(dir.resolve("i4-transposed-big-zstd"), cache)) {
            assertEquals("Zarr v3, chunks [5, 7, 9], transpose [2, 0, 1], big-endian, zstd (level 3)", v.storage());
        }
        Path image = dir.resolve("image.ome.zarr");
        try (ChunkedVolume v = VolumeFiles.open(image.toString())) {
            assertEquals("0", v.datasetPath(), "the image's finest level");
            assertArrayEquals(new int[] {11, 20, 23}, v.shape(), "t and c of one index each are not shown");
            assertArrayEquals(new double[] {40, 8, 8}, v.resolution(), 1e-9, "micrometres in nm (NGFF 0.5, under 'ome')");
            assertSameValues(expected(dir.resolve("image.ome.zarr.0.expected"), DataType.UINT8, v.shape()),
                    v.read(new int[3], v.shape()), "level 0");
            List<Volume.Level> coarser = v.coarser();
            assertEquals(1, coarser.size());
            assertArrayEquals(new int[] {1, 2, 2}, coarser.get(0).factors());
            Volume level1 = coarser.get(0).volume();
            assertSameValues(expected(dir.resolve("image.ome.zarr.1.expected"), DataType.UINT8, level1.shape()),
                    level1.read(new int[3], level1.shape()), "level 1");
        }
    }

    @Test
    void arraysWrittenHereAreReadFromTheSpecification(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("numpy, numcodecs"), "python3-numcodecs is not installed");
        int[] shape = {6, 33, 40};
        Block raw = Block.zeros(DataType.UINT16, shape);
        Block labels = Block.zeros(DataType.UINT64, shape);
        Block prob = Block.zeros(DataType.FLOAT32, shape);
        for (int i = 0; i < raw.size(); i++) {
            raw.setLong(i, i * 13 % 4001);
            labels.setLong(i, i % 17 == 0 ? -1L : i % 3 == 0 ? 0 : i / 100);
            prob.setDouble(i, (i % 1000) / 1000.0);
        }
        Path store = dir.resolve("ours.zarr");
        double[] res = {40, 4, 4};
        Object[][] arrays = {
            {"volumes/raw", raw, new ZarrFormat(3, "blosc", 5, null)},
            {"volumes/labels/clefts", labels, new ZarrFormat(3, "zstd", 3, new int[] {4, 32, 64})},
            {"predictions/p", prob, new ZarrFormat(3, "gzip", 5, new int[] {6, 64, 64})},
            {"predictions/raw", prob, new ZarrFormat(3, "raw", 0, null)},
        };
        for (Object[] a : arrays) {
            Block b = (Block) a[1];
            ZarrWriter.create(store.resolve((String) a[0]), shape, new int[] {2, 16, 16}, b.type(), (ZarrFormat) a[2], res)
                    .writeAll(new InMemoryVolume((String) a[0], b, res));
            Path decoded = dir.resolve(((String) a[0]).replace('/', '-') + ".bin");
            String said = SystemPython.run(script(), "read", store.resolve((String) a[0]).toString(), decoded.toString());
            assertEquals(b.type().label() + " [6, 33, 40]", said.strip(), (String) a[0]);
            assertSameValues(b, expected(decoded, b.type(), shape), a[0] + " decoded from the specification");
            try (ZarrVolume back = ZarrVolume.open(store.resolve((String) a[0]))) {
                assertSameValues(b, back.read(new int[3], shape), a[0] + " read back here");
                assertArrayEquals(res, back.resolution(), 1e-9);
            }
        }
        assertTrue(Files.readString(store.resolve("zarr.json")).contains("\"node_type\": \"group\""), "the store is a group");
        assertTrue(Files.readString(store.resolve("volumes/labels/zarr.json")).contains("\"group\""));
        assertEquals(List.of("predictions/p", "predictions/raw", "volumes/labels/clefts", "volumes/raw"),
                VolumeFiles.datasetPaths(store));
        assertTrue(Files.exists(store.resolve("volumes/labels/clefts/c/1/1/0")), "a shard: c/z/y/x of the shard grid");
        assertFalse(Files.exists(store.resolve("volumes/labels/clefts/c/0/0/1")), "shards are cut to the array: one along x");
    }

    @Test
    void damagedShardsAndMetadataAreOneSentence(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.zarr/labels");
        int[] shape = {4, 16, 16};
        Block b = Block.zeros(DataType.UINT32, shape);
        for (int i = 0; i < b.size(); i++) {
            b.setLong(i, i / 7);
        }
        ZarrWriter.create(a, shape, new int[] {2, 8, 8}, DataType.UINT32, new ZarrFormat(3, "zstd", 3, new int[] {4, 16, 16}),
                null).writeAll(new InMemoryVolume("b", b, new double[] {40, 4, 4}));
        Path shard = a.resolve("c/0/0/0");
        byte[] whole = Files.readAllBytes(shard);
        Random random = new Random(5);
        int refused = 0;
        for (int trial = 0; trial < 120; trial++) { // fuzzed: read, or refused in one sentence naming the shard
            byte[] fuzzed = whole.clone();
            for (int k = 0; k < 1 + trial % 4; k++) {
                fuzzed[random.nextInt(fuzzed.length)] = (byte) random.nextInt(256);
            }
            Files.write(shard, trial % 10 == 9 ? java.util.Arrays.copyOf(fuzzed, random.nextInt(whole.length)) : fuzzed);
            try (ZarrVolume v = ZarrVolume.open(a, new ChunkCache(1 << 20))) {
                v.read(new int[3], shape);
            } catch (UserException e) {
                refused++;
                assertTrue(e.getMessage().startsWith("Chunk '" + shard + "' of a.zarr/labels cannot be decoded")
                        && !e.getMessage().contains("\n"), e.getMessage());
            }
        }
        assertTrue(refused > 60, refused + " of 120 damaged shards refused (the index's checksum catches most)");
        String good = Files.readString(a.resolve("zarr.json"));
        String[][] broken = {
            {good.replace("\"zstd\"", "\"bitround\""), "codec 'bitround' is not one this program reads"},
            {good.replace("\"uint32\"", "\"float16\""), "data_type 'float16'"},
            {good.replace("\"regular\"", "\"rectilinear\""), "not a regular grid"},
            {good.replace("\"array\"", "\"group\""), "describes a group, not an array"},
            {good.replace("\"index_location\": \"end\"", "\"index_location\": \"middle\""), "not 'start' or 'end'"},
            {"{\"zarr_format\": 3, \"node_type\": \"array\"", "not the JSON of a Zarr v3 array"},
        };
        for (String[] bad : broken) {
            Files.writeString(a.resolve("zarr.json"), bad[0]);
            RuntimeException e = assertThrows(RuntimeException.class, () -> ZarrVolume.open(a).close());
            assertTrue(e.getMessage().contains(bad[1]) && !e.getMessage().contains("\n"), bad[1] + ": " + e.getMessage());
        }
    }
}
