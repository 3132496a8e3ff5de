package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.work.UserException;

/** Reads files written by h5py (see src/test/resources/h5py/make_fixtures.py) and checks every voxel. */
class H5pyFilesTest {
    static Path fixture(String name) {
        try {
            return Path.of(H5pyFilesTest.class.getResource("/h5py/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void chunkedUint8ReadsEveryBoxAcrossChunkBorders() {
        try (Hdf5Volume v = Hdf5Volume.open(fixture("chunked_uint8.h5"), null)) {
            assertEquals(DataType.UINT8, v.type());
            assertArrayEquals(new int[] {11, 20, 23}, v.shape());
            assertArrayEquals(new int[] {5, 7, 9}, v.chunkShape());
            assertFalse(v.resolutionStored());
            int[][] boxes = {{0, 0, 0, 11, 20, 23}, {4, 6, 8, 2, 2, 2}, {5, 7, 9, 1, 1, 1}, {3, 0, 17, 7, 20, 6}, {10, 19, 22, 1, 1, 1}};
            for (int[] box : boxes) {
                int[] start = {box[0], box[1], box[2]};
                int[] size = {box[3], box[4], box[5]};
                Block b = v.read(start, size);
                assertArrayEquals(size, b.shape());
                for (int z = 0; z < size[0]; z++) {
                    for (int y = 0; y < size[1]; y++) {
                        for (int x = 0; x < size[2]; x++) {
                            long expected = ((start[0] + z) * 31L + (start[1] + y) * 7L + (start[2] + x) * 3L) % 256;
                            assertEquals(expected, b.getLong(b.index(z, y, x)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void contiguousBigEndianUint16() {
        try (Hdf5Volume v = Hdf5Volume.open(fixture("contiguous_uint16_be.h5"), null)) {
            assertEquals(DataType.UINT16, v.type());
            assertFalse(v.isChunked());
            Block b = v.read(new int[] {10, 19, 20}, new int[] {1, 1, 3});
            assertEquals(10 * 1000 + 19 * 50 + 20, b.getLong(0));
            assertEquals(10 * 1000 + 19 * 50 + 22, b.getLong(2));
            Block s = v.readSection(3);
            assertEquals(3000 + 5 * 50 + 7, s.getLong(s.index(0, 5, 7)));
        }
    }

    @Test
    void cremiLabelsKeepSpecialValuesAndAttributes() {
        Path f = fixture("cremi_like.h5");
        try (Hdf5Volume raw = Hdf5Volume.open(f, null, Cremi.RAW); Hdf5Volume clefts = Hdf5Volume.open(f, Cremi.CLEFTS)) {
            assertEquals("volumes/raw", raw.datasetPath());
            assertTrue(raw.resolutionStored());
            assertArrayEquals(new double[] {40, 4, 4}, raw.resolution());
            assertArrayEquals(new double[] {80, 8, 4}, raw.offset());
            assertEquals(DataType.UINT64, clefts.type());
            Block all = clefts.readAll();
            assertTrue(all.data() instanceof long[], "uint64 stays 8 bytes a voxel");
            assertEquals(Cremi.NO_CLEFT, all.getLong(all.index(0, 0, 0)));
            assertEquals(7, all.getLong(all.index(3, 5, 5)));
            assertEquals(Cremi.IGNORE, all.getLong(all.index(7, 11, 15)));
            assertEquals(Long.MIN_VALUE + 5, all.getLong(all.index(9, 0, 0)));
            assertEquals(9.223372036854775813E18, all.getDouble(all.index(9, 0, 0)), 1e4);
            long clefty = 0;
            for (int i = 0; i < all.size(); i++) {
                if (Cremi.isCleft(all.getLong(i))) {
                    clefty++;
                }
            }
            assertEquals(3 * 6 * 2 + 1, clefty);
        }
    }

    @Test
    void float32WithChannels() {
        try (Hdf5Volume v = Hdf5Volume.open(fixture("float32_4d.h5"), null)) {
            assertEquals(4, v.rank());
            assertEquals(2, v.channels());
            assertArrayEquals(new int[] {3, 10, 12}, v.spatialShape());
            Block b = v.read(new int[] {1, 2, 4, 4}, new int[] {1, 1, 2, 3});
            assertEquals(100 + 20 + 4 + 0.04f, b.floats()[0], 1e-4);
            assertEquals(100 + 20 + 5 + 0.06f, b.floats()[5], 1e-4);
        }
    }

    @Test
    void signedInt64() {
        try (Hdf5Volume v = Hdf5Volume.open(fixture("int64_labels.h5"), null)) {
            assertEquals(DataType.INT64, v.type());
            Block b = v.read(new int[] {0, 0, 0}, new int[] {1, 1, 2});
            assertEquals(-500, b.getLong(0));
            assertEquals(-499, b.getLong(1));
        }
    }

    @Test
    void unwrittenChunksReadAsTheFillValue() {
        try (Hdf5Volume v = Hdf5Volume.open(fixture("sparse_fill.h5"), null)) {
            Block b = v.readAll();
            assertEquals(1, b.getLong(b.index(3, 7, 7)));
            assertEquals(9, b.getLong(b.index(5, 9, 9)));
        }
    }

    @Test
    void severalDatasetsNeedAName() {
        UserException e = assertThrows(UserException.class, () -> Hdf5Volume.open(fixture("two_datasets.h5"), null));
        assertTrue(e.getMessage().contains("several datasets (a/image, b/labels)"), e.getMessage());
        try (Hdf5Volume v = Hdf5Volume.open(fixture("two_datasets.h5") + ":b/labels")) {
            assertEquals(DataType.UINT32, v.type());
        }
        UserException missing = assertThrows(UserException.class, () -> Hdf5Volume.open(fixture("two_datasets.h5"), "c"));
        assertTrue(missing.getMessage().contains("has no dataset 'c'; it has: a/image, b/labels"), missing.getMessage());
    }

    @Test
    void twoDimensionalDataIsRefusedClearly() {
        UserException e = assertThrows(UserException.class, () -> Hdf5Volume.open(fixture("image_2d.h5"), null));
        assertTrue(e.getMessage().contains("has 2 dimensions [10, 10]; a volume needs 3"), e.getMessage());
    }
}
