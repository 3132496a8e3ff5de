package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.synapseworkbench.work.UserException;

class Hdf5RoundTripTest {
    @TempDir
    Path dir;

    static Block random(DataType type, long seed, int... shape) {
        Random r = new Random(seed);
        Block b = Block.zeros(type, shape);
        for (int i = 0; i < b.size(); i++) {
            if (type.isFloating()) {
                b.setDouble(i, r.nextGaussian() * 1000);
            } else {
                b.setLong(i, r.nextLong());
            }
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(DataType.class)
    void everyTypeRoundTrips(DataType type) {
        Block b = random(type, type.ordinal(), 7, 13, 17);
        Path f = dir.resolve(type.label() + ".h5");
        new Hdf5Writer().dataset("main", b, new int[] {3, 5, 8}, Map.of("resolution", new double[] {30, 6, 6})).write(f);
        try (Hdf5Volume v = Hdf5Volume.open(f, null)) {
            assertEquals(type, v.type());
            assertArrayEquals(new int[] {3, 5, 8}, v.chunkShape());
            assertArrayEquals(new double[] {30, 6, 6}, v.resolution());
            assertTrue(b.contentEquals(v.readAll()));
        }
    }

    @Test
    void subBlocksMatchTheArrayAtChunkBorders() {
        Block b = random(DataType.UINT16, 3, 9, 20, 30);
        Path f = dir.resolve("u16.h5");
        new Hdf5Writer().dataset("volumes/raw", b, new int[] {4, 8, 8}, Map.of()).write(f);
        InMemoryVolume reference = new InMemoryVolume("ref", b, new double[] {40, 4, 4});
        Random r = new Random(5);
        try (Hdf5Volume v = Hdf5Volume.open(f, null)) {
            for (int t = 0; t < 200; t++) {
                int[] start = new int[3];
                int[] size = new int[3];
                for (int a = 0; a < 3; a++) {
                    start[a] = r.nextInt(b.dim(a));
                    size[a] = 1 + r.nextInt(b.dim(a) - start[a]);
                }
                assertTrue(reference.read(start, size).contentEquals(v.read(start, size)));
            }
            assertThrows(IllegalArgumentException.class, () -> v.read(new int[] {8, 0, 0}, new int[] {2, 1, 1}));
        }
    }

    @Test
    void sectionsCanBeReadIntoTheSameBlockAgain() {
        Block b = random(DataType.UINT64, 7, 5, 20, 30);
        Path f = dir.resolve("u64.h5");
        new Hdf5Writer().dataset("labels", b, new int[] {2, 8, 8}, Map.of()).write(f);
        try (Hdf5Volume v = Hdf5Volume.open(f, null)) {
            Block first = v.read(new int[] {1, 0, 0}, new int[] {1, 20, 30}, null);
            Block again = v.read(new int[] {4, 0, 0}, new int[] {1, 20, 30}, first);
            assertTrue(first == again, "the block is refilled, not replaced");
            assertArrayEquals(v.readSection(4).longs(), again.longs());
            Block other = v.read(new int[] {4, 0, 0}, new int[] {1, 10, 30}, first);
            assertTrue(other != first, "a block of another shape is not reused");
            assertArrayEquals(java.util.Arrays.copyOf(again.longs(), 300), other.longs());
        }
    }

    @Test
    void cacheStaysWithinItsBound() {
        Block b = random(DataType.UINT8, 4, 16, 64, 64);
        Path f = dir.resolve("u8.h5");
        new Hdf5Writer().dataset("main", b, new int[] {2, 16, 16}, Map.of()).write(f);
        ChunkCache cache = new ChunkCache(8 * 512);
        try (Hdf5Volume v = Hdf5Volume.open(f, null, cache)) {
            for (int z = 0; z < 16; z++) {
                v.read(new int[] {z, 0, 0}, new int[] {1, 30, 30});
                assertTrue(cache.bytes() <= cache.maxBytes());
            }
            long misses = cache.misses();
            v.read(new int[] {15, 0, 0}, new int[] {1, 16, 16});
            assertEquals(misses, cache.misses(), "a chunk just read comes from the cache");
        }
        assertEquals(0, cache.bytes(), "closing a volume drops its chunks");
    }

    @Test
    void aFailedWriteLeavesTheOldFileInPlace() throws IOException {
        Path f = dir.resolve("keep.h5");
        Block good = random(DataType.UINT8, 1, 2, 4, 4);
        new Hdf5Writer().dataset("main", good).write(f);
        byte[] before = Files.readAllBytes(f);
        Block tooBig = Block.zeros(DataType.UINT8, 2, 4, 4);
        Hdf5Writer bad = new Hdf5Writer().dataset("main", tooBig, Map.of("bad", new Object()));
        assertThrows(UserException.class, () -> bad.write(f));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void missingFileNotHdf5AndTruncatedFilesGiveOneClearSentence() throws IOException {
        UserException missing = assertThrows(UserException.class, () -> Hdf5Volume.open(dir.resolve("nope.h5"), null));
        assertTrue(missing.getMessage().startsWith("File '") && missing.getMessage().contains("does not exist"));

        Path text = dir.resolve("notes.h5");
        Files.writeString(text, "this is not HDF5 at all ".repeat(100));
        UserException notHdf = assertThrows(UserException.class, () -> Hdf5Volume.open(text, null));
        assertTrue(notHdf.getMessage().contains("is not an HDF5 file"), notHdf.getMessage());

        Path f = dir.resolve("cut.h5");
        new Hdf5Writer().dataset("main", random(DataType.UINT8, 2, 8, 64, 64), new int[] {2, 32, 32}, Map.of()).write(f);
        long full = Files.size(f);
        for (long keep : new long[] {full / 2, full - 100, 600, 40}) {
            Path cut = dir.resolve("cut-" + keep + ".h5");
            Files.copy(f, cut);
            try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            UserException e = assertThrows(UserException.class, () -> {
                try (Hdf5Volume v = Hdf5Volume.open(cut, null)) {
                    v.readAll();
                }
            });
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("damaged or truncated") || e.getMessage().contains("not an HDF5 file"),
                    e.getMessage());
        }

        UserException folder = assertThrows(UserException.class, () -> Hdf5Volume.open(dir, null));
        assertTrue(folder.getMessage().contains("is a folder"));
    }

    @Test
    void writtenFilesAreReadableByOthersAndShapeMismatchIsNamed() throws IOException {
        Path f = dir.resolve("perm.h5");
        new Hdf5Writer().dataset("main", random(DataType.UINT8, 1, 2, 4, 4)).write(f);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
        InMemoryVolume image = new InMemoryVolume("im.h5:main", Block.zeros(DataType.UINT8, 2, 4, 4), new double[] {40, 4, 4});
        InMemoryVolume labels = new InMemoryVolume("syn.h5:main", Block.zeros(DataType.UINT32, 2, 4, 5), new double[] {40, 4, 4});
        UserException e = assertThrows(UserException.class, () -> Volumes.requireSameShape(image, labels));
        assertEquals("Image im.h5:main has shape [2, 4, 4] (z, y, x) but labels syn.h5:main have [2, 4, 5]; pair each image "
                + "with the label volume made for it.", e.getMessage());
    }

    @Test
    void specSplitsFileAndDataset() {
        Path f = dir.resolve("a.h5");
        new Hdf5Writer().dataset("volumes/labels/clefts", random(DataType.UINT64, 1, 2, 3, 4)).write(f);
        VolumeSpec s = VolumeSpec.parse(f + ":volumes/labels/clefts");
        assertEquals(f, s.file());
        assertEquals("volumes/labels/clefts", s.dataset());
        assertEquals(null, VolumeSpec.parse(f.toString()).dataset());
    }
}
