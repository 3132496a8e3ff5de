package org.synapseworkbench.volume.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkCache;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.SystemPython;
import org.synapseworkbench.work.UserException;

/**
 * Zarr v2 arrays written by zarr-python (Debian's python3-zarr, installed by .ci/run) read here voxel for voxel, in
 * every dtype and byte order, C and F order, both chunk key separators, the compressors, fill values and missing
 * chunks; and arrays written here read by zarr-python.
 */
class ZarrPythonTest {
    private static final String WRITE = String.join("\n",
            "import zarr, numpy as np, numcodecs, sys, os, json",
            "root = sys.argv[1]",
            "shape, chunks = (11, 20, 23), (5, 7, 9)",
            "z, y, x = np.indices(shape)",
            "base = (z * 31 + y * 7 + x * 3) % 97",
            "cases = []",
            "def make(name, dtype, order='C', sep='.', compressor=numcodecs.Blosc(), fill=0, partial=False, values=None, shp=shape, chk=chunks):",
            "    dt = np.dtype(dtype)",
            "    v = values if values is not None else (base - 40 if dt.kind == 'i' else base / 4.0 if dt.kind == 'f' else base)",
            "    a = zarr.open(os.path.join(root, name), mode='w', shape=shp, chunks=chk, dtype=dt, order=order,",
            "                  compressor=compressor, fill_value=fill, dimension_separator=sep)",
            "    if partial:",
            "        a[0:5, 0:7, 0:9] = v[0:5, 0:7, 0:9]",
            "    else:",
            "        a[...] = v",
            "    a[...].astype(dt.newbyteorder('<')).tofile(os.path.join(root, name + '.expected'))",
            "    cases.append(name)",
            "for kind in ['u1', 'u2', 'u4', 'u8', 'i1', 'i2', 'i4', 'i8', 'f4', 'f8']:",
            "    for endian in (['|'] if kind[1] == '1' else ['<', '>']):",
            "        make(endian.replace('|', '') + kind, endian + kind)",
            "make('u2-F', '<u2', order='F')",
            "make('i4-F-big', '>i4', order='F')",
            "make('u2-slash', '<u2', sep='/')",
            "for c, codec in [('gzip', numcodecs.GZip(5)), ('zlib', numcodecs.Zlib(5)), ('zstd', numcodecs.Zstd(3)),",
            "                 ('lz4', numcodecs.LZ4()), ('bz2', numcodecs.BZ2(5)), ('none', None),",
            "                 ('blosc-zstd-bit', numcodecs.Blosc('zstd', 5, 2)), ('blosc-blosclz', numcodecs.Blosc('blosclz', 9, 0)),",
            "                 ('blosc-stored', numcodecs.Blosc('lz4', 0, 1))]:",
            "    make('u2-' + c, '<u2', compressor=codec)",
            "make('u2-fill-7-missing', '<u2', fill=7, partial=True)",
            "make('f4-fill-nan-missing', '<f4', fill=np.nan, partial=True)",
            "make('u8-big', '<u8', fill=np.uint64(2**64 - 1), partial=True, values=base.astype('u8') + np.uint64(2**64 - 200))",
            "make('u1-4d', '|u1', shp=(2,) + shape, chk=(1,) + chunks, values=np.stack([base, 96 - base]))",
            "print(json.dumps(cases))");

    @Test
    void arraysZarrPythonWroteAreReadVoxelForVoxel(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("zarr, numcodecs"), "python3-zarr is not installed");
        String out = SystemPython.run(WRITE, dir.toString());
        List<String> cases = new com.google.gson.Gson().fromJson(out.strip().lines().reduce((a, b) -> b).orElseThrow(),
                new com.google.gson.reflect.TypeToken<List<String>>() { }.getType());
        assertEquals(34, cases.size(), out);
        ChunkCache cache = new ChunkCache(64L << 20);
        for (String name : cases) {
            try (ZarrVolume v = ZarrVolume.open(dir.resolve(name), cache)) {
                Block all = v.read(new int[v.shape().length], v.shape());
                Block expected = Block.decode(v.type(), ByteOrder.LITTLE_ENDIAN, Files.readAllBytes(dir.resolve(name + ".expected")),
                        v.shape());
                for (int i = 0; i < all.size(); i++) {
                    if (v.type().isFloating()) {
                        assertEquals(0, Double.compare(expected.getDouble(i), all.getDouble(i)), name + " at " + i);
                    } else {
                        assertEquals(expected.getLong(i), all.getLong(i), name + " at " + i);
                    }
                }
                Block box = v.read(v.shape().length == 3 ? new int[] {4, 6, 8} : new int[] {1, 4, 6, 8},
                        v.shape().length == 3 ? new int[] {2, 2, 2} : new int[] {1, 2, 2, 2});
                int at = v.shape().length == 3 ? expected.index(5, 7, 9) : expected.index(1, 5, 7, 9);
                assertEquals(expected.getDouble(at), box.getDouble(box.size() - 1), name + ": a box across chunk borders");
            }
        }
        try (ZarrVolume v = ZarrVolume.open(dir.resolve("u2-fill-7-missing"), cache)) {
            assertEquals(7, v.read(new int[] {10, 19, 22}, new int[] {1, 1, 1}).getLong(0), "a missing chunk: the fill");
            assertEquals("u2-fill-7-missing", v.name());
            assertEquals(DataType.UINT16, v.type());
            assertArrayEquals(new int[] {5, 7, 9}, v.chunkShape());
        }
        Path stored = dir.resolve("u2-blosc-stored/0.0.0");
        assertEquals(0x02, Files.readAllBytes(stored)[2] & 0x02, "level 0: Blosc keeps the bytes as they are, read past the header");
        try (ZarrVolume v = ZarrVolume.open(dir.resolve("u8-big"), cache)) {
            assertEquals(-1L, v.read(new int[] {10, 19, 22}, new int[] {1, 1, 1}).getLong(0), "2^64 - 1 as the fill");
            assertEquals(-200L, v.read(new int[] {0, 0, 0}, new int[] {1, 1, 1}).getLong(0), "2^64 - 200");
        }
    }

    @Test
    void arraysWrittenHereAreReadByZarrPython(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("zarr, numcodecs"), "python3-zarr is not installed");
        int[] shape = {6, 33, 40};
        Block raw = Block.zeros(DataType.UINT8, shape);
        Block labels = Block.zeros(DataType.UINT64, shape);
        Block prob = Block.zeros(DataType.FLOAT32, shape);
        for (int i = 0; i < raw.size(); i++) {
            raw.setLong(i, i * 13 % 251);
            labels.setLong(i, i % 17 == 0 ? -1L : i / 100);
            prob.setDouble(i, (i % 1000) / 1000.0);
        }
        Path store = dir.resolve("ours.zarr");
        ZarrWriter.create(store.resolve("volumes/raw"), shape, new int[] {2, 16, 16}, DataType.UINT8,
                Numcodecs.config("blosc", 5), new double[] {40, 4, 4}).writeAll(new org.synapseworkbench.volume.InMemoryVolume(
                        "raw", raw, new double[] {40, 4, 4}));
        ZarrWriter.create(store.resolve("volumes/labels/clefts"), shape, new int[] {3, 32, 32}, DataType.UINT64,
                Numcodecs.config("gzip", 5), null).writeAll(new org.synapseworkbench.volume.InMemoryVolume("c", labels,
                        new double[] {40, 4, 4}));
        ZarrWriter.create(store.resolve("predictions/p"), shape, new int[] {6, 33, 40}, DataType.FLOAT32,
                Numcodecs.config("zstd", 3), null).writeAll(new org.synapseworkbench.volume.InMemoryVolume("p", prob,
                        new double[] {40, 4, 4}));
        ZarrWriter.putAttribute(store.resolve("volumes/raw"), "channels", "cleft"); // beside the resolution
        long rawSum = 0;
        for (int i = 0; i < raw.size(); i++) {
            rawSum += raw.getLong(i);
        }
        String out = SystemPython.run(String.join("\n", "import zarr, numpy as np, sys",
                "g = zarr.open(sys.argv[1], mode='r')",
                "r, c, p = g['volumes/raw'], g['volumes/labels/clefts'], g['predictions/p']",
                "print(r.dtype, r.chunks, r.compressor.codec_id, list(r.attrs['resolution']), r.attrs['channels'], c.dtype, c.compressor.codec_id)",
                "print(int(r[...].astype('int64').sum()), int(c[0, 0, 0]), int(c[5, 32, 39]), round(float(p[5, 32, 39]), 3))"),
                store.toString());
        List<String> lines = out.strip().lines().toList();
        assertEquals("uint8 (2, 16, 16) blosc [40.0, 4.0, 4.0] cleft uint64 gzip", lines.get(0));
        int last = labels.index(5, 32, 39);
        assertEquals(rawSum + " " + Long.toUnsignedString(labels.getLong(0)) + " " + Long.toUnsignedString(labels.getLong(last))
                + " " + (last % 1000) / 1000.0, lines.get(1));
        try (ZarrVolume back = ZarrVolume.open(store.resolve("volumes/labels/clefts"))) {
            assertTrue(back.read(new int[3], shape).contentEquals(labels), "and read back here");
            assertEquals("ours.zarr/volumes/labels/clefts", back.name());
            assertEquals(null, back.textAttribute("channels"));
        }
        try (ZarrVolume back = ZarrVolume.open(store.resolve("volumes/raw"))) {
            assertEquals("cleft", back.textAttribute("channels"));
            assertArrayEquals(new double[] {40, 4, 4}, back.resolution());
        }
    }

    @Test
    void damagedMetadataAndChunksAreOneSentence(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.zarr/raw");
        ZarrWriter w = ZarrWriter.create(a, new int[] {2, 8, 8}, new int[] {1, 8, 8}, DataType.UINT16,
                Numcodecs.config("zstd", 3), null);
        w.writeAll(new org.synapseworkbench.volume.InMemoryVolume("x", Block.zeros(DataType.UINT16, 2, 8, 8), new double[] {40, 4, 4}));
        Path chunk = a.resolve("1/0/0");
        byte[] whole = Files.readAllBytes(chunk);
        Files.write(chunk, java.util.Arrays.copyOf(whole, whole.length / 2));
        try (ZarrVolume v = ZarrVolume.open(a)) {
            UserException e = assertThrows(UserException.class, () -> v.read(new int[] {1, 0, 0}, new int[] {1, 8, 8}));
            assertTrue(e.getMessage().startsWith("Chunk '" + chunk + "' of a.zarr/raw cannot be decoded (Zarr v2, chunks [1, 8, 8], zstd"), e.getMessage());
        }
        Path stored = dir.resolve("b.zarr/raw");
        ZarrWriter.create(stored, new int[] {1, 8, 8}, new int[] {1, 8, 8}, DataType.UINT16, Numcodecs.config("blosc", 0), null)
                .writeAll(new org.synapseworkbench.volume.InMemoryVolume("x", Block.zeros(DataType.UINT16, 1, 8, 8), new double[] {40, 4, 4}));
        Path bloscChunk = stored.resolve("0/0/0");
        Files.write(bloscChunk, java.util.Arrays.copyOf(Files.readAllBytes(bloscChunk), 100));
        try (ZarrVolume v = ZarrVolume.open(stored)) {
            UserException e = assertThrows(UserException.class, () -> v.read(new int[3], new int[] {1, 8, 8}));
            assertTrue(e.getMessage().contains("cut short") && !e.getMessage().contains("\n"), e.getMessage());
        }
        String[][] broken = {
            {"{\"zarr_format\": 3}", "zarr_format is 3, not 2"},
            {"{\"zarr_format\": 2, \"shape\": [2, 8, 8], \"chunks\": [1, 8], \"dtype\": \"<u2\"}", "differ in rank"},
            {"{\"zarr_format\": 2, \"shape\": [2, 8, 8], \"chunks\": [1, 8, 8], \"dtype\": \"|S4\"}", "dtype '|S4'"},
            {"{\"zarr_format\": 2, \"shape\": [2, 8, 8], \"chunks\": [1, 8, 8], \"dtype\": \"<u2\", \"compressor\": "
                + "{\"id\": \"lzma\"}}", "compressor 'lzma'"},
            {"{\"zarr_format\": 2, \"shape\": [2, 8, 8], \"chunks\": [1, 8, 8], \"dtype\": \"<u2\", \"filters\": "
                + "[{\"id\": \"delta\"}]}", "filters"},
            {"not json", "not the JSON of a Zarr array"},
        };
        for (String[] b : broken) {
            Files.writeString(a.resolve(".zarray"), b[0]);
            RuntimeException e = assertThrows(RuntimeException.class, () -> ZarrVolume.open(a).close());
            assertTrue(e.getMessage().contains(b[1]) && !e.getMessage().contains("\n"), b[1] + ": " + e.getMessage());
        }
        UserException none = assertThrows(UserException.class, () -> ZarrVolume.open(dir.resolve("a.zarr")));
        assertTrue(none.getMessage().contains("has no .zarray"), none.getMessage());
    }
}
