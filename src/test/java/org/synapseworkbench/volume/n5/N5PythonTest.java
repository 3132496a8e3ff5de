package org.synapseworkbench.volume.n5;

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
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.SystemPython;
import org.synapseworkbench.volume.VolumeFiles;
import org.synapseworkbench.work.UserException;

/**
 * N5 datasets written by zarr-python's N5Store (Debian's python3-zarr) read here voxel for voxel (every compression it
 * writes: raw, gzip, zlib, bzip2, xz, blosc), and datasets written here (edge blocks cut to the volume, as N5's Java
 * library writes them) read by zarr-python.
 */
class N5PythonTest {
    private static final String WRITE = String.join("\n",
            "import zarr, numpy as np, numcodecs, sys, os, warnings",
            "warnings.simplefilter('ignore')",
            "root = sys.argv[1]",
            "g = zarr.group(store=zarr.N5Store(os.path.join(root, 'py.n5')))",
            "shape, chunks = (11, 20, 23), (5, 7, 9)",
            "z, y, x = np.indices(shape)",
            "base = (z * 31 + y * 7 + x * 3) % 97",
            "for name, dtype, comp in [('u1-gzip', 'u1', numcodecs.GZip(5)), ('u2-raw', 'u2', None),",
            "        ('u8-bzip2', 'u8', numcodecs.BZ2(5)), ('i2-xz', 'i2', numcodecs.LZMA()), ('f4-zlib', 'f4', numcodecs.Zlib(5)),",
            "        ('u4-blosc', 'u4', numcodecs.Blosc('zstd', 5, 1)), ('f8-gzip', 'f8', numcodecs.GZip(1)), ('i8-raw', 'i8', None)]:",
            "    dt = np.dtype(dtype)",
            "    v = base - 40 if dt.kind == 'i' else base / 4.0 if dt.kind == 'f' else base",
            "    a = g.create_dataset('volumes/' + name, shape=shape, chunks=chunks, dtype=dt, compressor=comp)",
            "    a[...] = v",
            "    a.attrs['resolution'] = [4.0, 4.0, 40.0]",
            "    a[...].astype(dt.newbyteorder('<')).tofile(os.path.join(root, name + '.expected'))",
            "print('ok')");

    @Test
    void datasetsZarrPythonWroteAreReadVoxelForVoxel(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("zarr, numcodecs"), "python3-zarr is not installed");
        SystemPython.run(WRITE, dir.toString());
        Path store = dir.resolve("py.n5");
        List<String> names = VolumeFiles.datasetPaths(store);
        assertEquals(List.of("volumes/f4-zlib", "volumes/f8-gzip", "volumes/i2-xz", "volumes/i8-raw", "volumes/u1-gzip",
                "volumes/u2-raw", "volumes/u4-blosc", "volumes/u8-bzip2"), names);
        for (String name : names) {
            try (ChunkedVolume v = VolumeFiles.open(store + "/" + name)) {
                assertEquals(N5Volume.class, v.getClass());
                assertArrayEquals(new int[] {11, 20, 23}, v.shape(), "z, y, x");
                assertArrayEquals(new int[] {5, 7, 9}, v.chunkShape());
                assertArrayEquals(new double[] {40, 4, 4}, v.resolution(), "resolution [x, y, z] turned to (z, y, x)");
                Block all = v.read(new int[3], v.shape());
                String short_ = name.substring("volumes/".length());
                Block expected = Block.decode(v.type(), ByteOrder.LITTLE_ENDIAN, Files.readAllBytes(dir.resolve(short_
                        + ".expected")), v.shape());
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(expected.getDouble(i), all.getDouble(i), name + " at " + i);
                }
            }
        }
    }

    @Test
    void datasetsWrittenHereAreReadByZarrPython(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("zarr, numcodecs"), "python3-zarr is not installed");
        int[] shape = {6, 33, 40};
        Block labels = Block.zeros(DataType.UINT64, shape);
        for (int i = 0; i < labels.size(); i++) {
            labels.setLong(i, i % 17 == 0 ? -1L : i / 100);
        }
        Path store = dir.resolve("ours.n5");
        for (String c : List.of("raw", "gzip", "bzip2", "xz", "blosc")) {
            N5Writer.create(store.resolve("labels/" + c), shape, new int[] {4, 16, 16}, DataType.UINT64,
                    N5Writer.compression(c, 5), new double[] {40, 4, 4}).writeAll(new InMemoryVolume("l", labels,
                            new double[] {40, 4, 4}));
            N5Writer.putAttribute(store.resolve("labels/" + c), "channels", "cleft");
        }
        String out = SystemPython.run(String.join("\n", "import zarr, numpy as np, sys, warnings",
                "warnings.simplefilter('ignore')",
                "g = zarr.open(zarr.N5Store(sys.argv[1]), mode='r')",
                "for c in ['raw', 'gzip', 'bzip2', 'xz', 'blosc']:",
                "    a = g['labels/' + c]",
                "    print(c, a.shape, a.chunks, a.dtype, int(a[0, 0, 0]), int(a[5, 32, 39]), int(a[...].astype('uint64').sum() % 1000003),",
                "          list(a.attrs['resolution']), a.attrs['channels'])"), store.toString());
        long wrapped = 0; // numpy's uint64 sum, modulo 2^64
        for (int i = 0; i < labels.size(); i++) {
            wrapped += labels.getLong(i);
        }
        long sum = Long.remainderUnsigned(wrapped, 1000003);
        int last = labels.index(5, 32, 39);
        for (String line : out.strip().lines().toList()) {
            assertTrue(line.endsWith("(6, 33, 40) (4, 16, 16) uint64 " + Long.toUnsignedString(labels.getLong(0)) + " "
                    + Long.toUnsignedString(labels.getLong(last)) + " " + sum + " [4.0, 4.0, 40.0] cleft"), line);
        }
        try (ChunkedVolume back = VolumeFiles.open(store + "/labels/xz")) {
            assertTrue(back.read(new int[3], shape).contentEquals(labels), "and read back here");
            assertEquals("cleft", back.textAttribute("channels"));
        }
        Path block = store.resolve("labels/gzip/2/2/1"); // x 2, y 2, z 1: an edge block, cut to 8 x 1 x 2 voxels
        byte[] b = Files.readAllBytes(block);
        assertArrayEquals(new byte[] {0, 0, 0, 3, 0, 0, 0, 8, 0, 0, 0, 1, 0, 0, 0, 2}, java.util.Arrays.copyOfRange(b, 0, 16),
                "mode 0, 3 dimensions, block size x 8, y 1, z 2");
        Files.write(block, java.util.Arrays.copyOf(b, b.length - 5));
        try (ChunkedVolume cut = VolumeFiles.open(store + "/labels/gzip")) {
            UserException e = assertThrows(UserException.class, () -> cut.read(new int[] {4, 32, 32}, new int[] {2, 1, 8}));
            assertTrue(e.getMessage().startsWith("Block '" + block + "' of ours.n5/labels/gzip cannot be decoded"), e.getMessage());
        }
    }
}
