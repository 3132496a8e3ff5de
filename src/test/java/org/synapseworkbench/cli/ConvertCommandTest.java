package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.volume.n5.N5Volume;
import org.synapseworkbench.volume.zarr.ZarrVolume;

/**
 * {@code convert}: HDF5 to Zarr to N5 and back, every voxel, the voxel size and a map's {@code channels} and labels' {@code labels} kept; bad
 * arguments in one line.
 */
class ConvertCommandTest {

    @Test
    void hdf5ToZarrToN5AndBackKeepsEveryVoxel(@TempDir Path dir) {
        Block raw = Block.zeros(DataType.UINT8, 5, 40, 50);
        Block clefts = Block.zeros(DataType.UINT64, 5, 40, 50);
        for (int i = 0; i < raw.size(); i++) {
            raw.setLong(i, i * 7 % 256);
            clefts.setLong(i, i % 11 == 0 ? Cremi.NO_CLEFT : i / 1000);
        }
        Path h5 = dir.resolve("in.h5");
        new Hdf5Writer().dataset(Cremi.RAW, raw, Map.of("resolution", new double[] {40, 8, 8}))
                .dataset(Cremi.CLEFTS, clefts, Map.of("resolution", new double[] {40, 8, 8})).write(h5);
        MainTest.Result z = MainTest.run("convert", h5.toString(), dir.resolve("out.zarr").toString(), "--chunks", "2,16,16");
        assertEquals(0, z.code(), z.err());
        assertTrue(z.out().contains("wrote " + dir.resolve("out.zarr") + "/volumes/raw: uint8 [5, 40, 50], blosc (level 5)"), z.out());
        MainTest.Result n = MainTest.run("convert", dir.resolve("out.zarr").toString(), dir.resolve("out.n5").toString(),
                "--compression", "bzip2");
        assertEquals(0, n.code(), n.err());
        MainTest.Result back = MainTest.run("convert", dir.resolve("out.n5/volumes/labels/clefts").toString(),
                dir.resolve("back.h5") + ":clefts");
        assertEquals(0, back.code(), back.err());
        try (ChunkedVolume zr = VolumeFiles.open(dir.resolve("out.zarr") + "/volumes/raw");
                ChunkedVolume nc = VolumeFiles.open(dir.resolve("out.n5") + "/volumes/labels/clefts");
                ChunkedVolume hc = VolumeFiles.open(dir.resolve("back.h5") + ":clefts")) {
            assertTrue(zr instanceof ZarrVolume && nc instanceof N5Volume);
            assertArrayEquals(new int[] {2, 16, 16}, zr.chunkShape());
            assertArrayEquals(new int[] {2, 16, 16}, nc.chunkShape(), "the input's chunks by default");
            assertArrayEquals(new double[] {40, 8, 8}, nc.resolution());
            assertTrue(zr.read(new int[3], raw.shape()).contentEquals(raw));
            assertTrue(nc.read(new int[3], clefts.shape()).contentEquals(clefts));
            assertTrue(hc.read(new int[3], clefts.shape()).contentEquals(clefts));
        }
    }

    @Test
    void aMapKeepsWhatItsChannelsHold(@TempDir Path dir) {
        Block map = Block.zeros(DataType.UINT8, 3, 2, 8, 8);
        Path h5 = dir.resolve("result.h5");
        new Hdf5Writer().dataset("vol0", map, Map.of("resolution", new double[] {40, 4, 4}, "channels", "background,pre,post"))
                .write(h5);
        String[][] steps = {{h5 + ":vol0", dir.resolve("m.zarr/vol0").toString()}, {dir.resolve("m.zarr/vol0").toString(),
            dir.resolve("m.n5/vol0").toString()}, {dir.resolve("m.n5/vol0").toString(), dir.resolve("back.h5") + ":vol0"}};
        for (String[] step : steps) {
            MainTest.Result r = MainTest.run("convert", step[0], step[1]);
            assertEquals(0, r.code(), r.err());
            try (ChunkedVolume v = VolumeFiles.open(step[1])) {
                assertEquals("background,pre,post", v.textAttribute("channels"), step[1]);
                assertNull(v.textAttribute("labels"), step[1]);
            }
        }
    }

    @Test
    void labelsKeepWhatTheyAre(@TempDir Path dir) {
        Path h5 = dir.resolve("synapses.h5");
        new Hdf5Writer().dataset("main", Block.zeros(DataType.UINT64, 2, 8, 8), Map.of("labels", "polarity")).write(h5);
        String[][] steps = {{h5 + ":main", dir.resolve("s.zarr/main").toString()}, {dir.resolve("s.zarr/main").toString(),
            dir.resolve("s.n5/main").toString()}, {dir.resolve("s.n5/main").toString(), dir.resolve("back.h5") + ":main"}};
        for (String[] step : steps) {
            MainTest.Result r = MainTest.run("convert", step[0], step[1]);
            assertEquals(0, r.code(), r.err());
            try (ChunkedVolume v = VolumeFiles.open(step[1])) {
                assertEquals("polarity", v.textAttribute("labels"), step[1]);
            }
        }
    }

    @Test
    void badArgumentsAreOneLine(@TempDir Path dir) throws Exception {
        MainTest.Result missing = MainTest.run("convert", dir.resolve("none.h5").toString(), dir.resolve("o.zarr").toString());
        assertEquals(2, missing.code());
        assertEquals("error: '" + dir.resolve("none.h5") + "' does not exist; check the path of the input.", missing.err().strip());
        Path h5 = dir.resolve("in.h5");
        new Hdf5Writer().dataset("main", Block.zeros(DataType.UINT8, 2, 4, 4), Map.of()).write(h5);
        MainTest.Result codec = MainTest.run("convert", h5.toString(), dir.resolve("o.zarr").toString(), "--compression", "lzma");
        assertEquals(2, codec.code());
        assertTrue(codec.err().strip().startsWith("error: --compression lzma is not one Zarr is written with"), codec.err());
        MainTest.Result chunks = MainTest.run("convert", h5.toString(), dir.resolve("o.n5").toString(), "--chunks", "1,x,2");
        assertEquals(2, chunks.code());
        assertEquals(1, chunks.err().strip().lines().count(), chunks.err());
        assertTrue(Files.notExists(dir.resolve("o.zarr/main/0/0/0")), "nothing written");
    }

    @Test
    void omeZarrWithAPyramidThatZarrPythonReads(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.synapseworkbench.volume.SystemPython.has("zarr"), "no python3-zarr");
        Block raw = Block.zeros(DataType.UINT8, 3, 600, 520);
        Block ids = Block.zeros(DataType.UINT64, 3, 600, 520);
        for (int i = 0; i < raw.size(); i++) {
            raw.setLong(i, (i * 37 + i / 520) % 256);
            ids.setLong(i, (i % 520) / 3 + (i / 520 % 600) / 5 * 1000);
        }
        Path h5 = dir.resolve("in.h5");
        new Hdf5Writer().dataset(Cremi.RAW, raw, Map.of("resolution", new double[] {40, 4, 4}))
                .dataset(Cremi.CLEFTS, ids, Map.of("resolution", new double[] {40, 4, 4})).write(h5);
        MainTest.Result r = MainTest.run("convert", h5.toString(), dir.resolve("ome.zarr").toString(), "--ome",
                "--chunks", "1,128,128");
        assertEquals(0, r.code(), r.err());
        String out = org.synapseworkbench.volume.SystemPython.run(String.join("\n",
                "import zarr, numpy as np, sys, json",
                "g = zarr.open(sys.argv[1], mode='r')",
                "for name in ['volumes/raw', 'volumes/labels/clefts']:",
                "    m = g[name].attrs['multiscales'][0]",
                "    paths = [d['path'] for d in m['datasets']]",
                "    scales = [d['coordinateTransformations'][0]['scale'] for d in m['datasets']]",
                "    l0, l1 = g[name + '/0'][...], g[name + '/1'][...]",
                "    if name.endswith('raw'):",
                "        want = np.rint(l0.reshape(3, 300, 2, 260, 2).astype(float).mean(axis=(2, 4))).astype('u1')",
                "    else:",
                "        blocks = l0.reshape(3, 300, 2, 260, 2).transpose(0, 1, 3, 2, 4).reshape(3, 300, 260, 4)",
                "        want = np.array([[[min(set(b), key=lambda v: (-list(b).count(v), v)) for b in row] for row in sec] for sec in blocks], dtype='u8')",
                "    print(name, paths, scales, m['type'], [g[name + '/' + p].shape for p in paths], bool(np.array_equal(l1, want)))"),
                dir.resolve("ome.zarr").toString());
        java.util.List<String> lines = out.strip().lines().toList();
        assertEquals("volumes/raw ['0', '1', '2'] [[40.0, 4.0, 4.0], [40.0, 8.0, 8.0], [40.0, 16.0, 16.0]] mean "
                + "[(3, 600, 520), (3, 300, 260), (3, 150, 130)] True", lines.get(0));
        assertTrue(lines.get(1).endsWith("mode [(3, 600, 520), (3, 300, 260), (3, 150, 130)] True"), lines.get(1));
        try (ChunkedVolume v = VolumeFiles.open(dir.resolve("ome.zarr") + "/volumes/raw")) {
            assertEquals("volumes/raw/0", v.datasetPath(), "the image's finest level");
        }
    }

    @Test
    void zarrV3InShardsAndAsOmeZarr05(@TempDir Path dir) throws Exception {
        Block raw = Block.zeros(DataType.UINT8, 3, 200, 150);
        for (int i = 0; i < raw.size(); i++) {
            raw.setLong(i, (i * 37 + i / 150) % 256);
        }
        Path h5 = dir.resolve("in.h5");
        new Hdf5Writer().dataset(Cremi.RAW, raw, Map.of("resolution", new double[] {40, 4, 4})).write(h5);
        Path out = dir.resolve("v3.zarr");
        MainTest.Result r = MainTest.run("convert", h5.toString(), out.toString(), "--zarr-format", "3", "--ome", "--levels",
                "2", "--chunks", "1,32,32", "--shards", "2,128,128", "--compression", "zstd", "--level", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + out + "/volumes/raw: uint8 [3, 200, 150], zstd (level 3), Zarr v3, shards [2, 128, 128], "
                + "OME-Zarr", r.out().strip());
        assertTrue(Files.readString(out.resolve("volumes/raw/zarr.json")).contains("\"version\": \"0.5\""), "NGFF 0.5");
        assertTrue(Files.exists(out.resolve("volumes/raw/0/c/1/1/1")) && Files.notExists(out.resolve("volumes/raw/0/c/2")),
                "shards of 2 sections: 2 along z, 2 along y and x");
        try (ChunkedVolume v = VolumeFiles.open(out + "/volumes/raw")) {
            assertEquals("volumes/raw/0", v.datasetPath());
            assertEquals("Zarr v3, shards [2, 128, 128], inner chunks [1, 32, 32]: zstd (level 3)", v.storage());
            assertArrayEquals(new double[] {40, 4, 4}, v.resolution(), 1e-9);
            assertTrue(v.read(new int[3], raw.shape()).contentEquals(raw));
            assertEquals(1, v.coarser().size());
            assertArrayEquals(new int[] {3, 100, 75}, v.coarser().get(0).volume().shape());
        }
        MainTest.Result v2Shards = MainTest.run("convert", h5.toString(), dir.resolve("o.zarr").toString(), "--shards", "1,64,64");
        assertEquals("error: Shards are a Zarr v3 feature; write --zarr-format 3 with --shards.", v2Shards.err().strip());
        MainTest.Result uneven = MainTest.run("convert", h5.toString(), dir.resolve("o.zarr").toString(), "--zarr-format", "3",
                "--chunks", "1,32,32", "--shards", "1,48,64");
        assertEquals("error: --shards 1,48,64 is not a multiple of the chunks [1, 32, 32]; give whole multiples of them.",
                uneven.err().strip());
    }
}
