package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.zarr.Numcodecs;
import org.synapseworkbench.volume.zarr.ZarrVolume;
import org.synapseworkbench.volume.zarr.ZarrWriter;
import org.synapseworkbench.work.UserException;

/** A volume named the ways a user names it, in HDF5 and Zarr: parsed, listed, chosen and opened. */
class VolumeFilesTest {

    private static void array(Path folder, long value) {
        Block b = Block.zeros(DataType.UINT8, 2, 4, 4);
        b.fill(value);
        ZarrWriter.create(folder, b.shape(), new int[] {1, 4, 4}, DataType.UINT8, Numcodecs.config("gzip", 1), null)
                .writeAll(new InMemoryVolume("b", b, new double[] {40, 4, 4}));
    }

    @Test
    void zarrStoresAreNamedByFolderSlashOrColon(@TempDir Path dir) {
        Path store = dir.resolve("cremi.zarr");
        array(store.resolve("volumes/raw"), 1);
        array(store.resolve("volumes/labels/clefts"), 2);
        assertEquals(new VolumeSpec(store, "volumes/raw"), VolumeSpec.parse("cremi.zarr/volumes/raw", dir));
        assertEquals(new VolumeSpec(store, "volumes/raw"), VolumeSpec.parse("cremi.zarr:volumes/raw", dir));
        assertEquals(new VolumeSpec(store, "volumes/raw"), VolumeSpec.parse("cremi.zarr/volumes:raw", dir));
        assertEquals(new VolumeSpec(store, null), VolumeSpec.parse("cremi.zarr", dir));
        assertEquals(new VolumeSpec(store, null), VolumeSpec.parse("cremi.zarr/", dir));
        assertEquals(List.of("volumes/labels/clefts", "volumes/raw"), VolumeFiles.datasetPaths(store));
        try (ChunkedVolume raw = VolumeFiles.open(VolumeSpec.parse("cremi.zarr", dir), Cremi.RAW);
                ChunkedVolume clefts = VolumeFiles.open(store.toString() + "/volumes/labels/clefts")) {
            assertInstanceOf(ZarrVolume.class, raw);
            assertEquals("volumes/raw", raw.datasetPath(), "the preferred dataset, as in HDF5 files");
            assertEquals(store, raw.file());
            assertEquals("cremi.zarr/volumes/raw", raw.name());
            assertEquals(1, raw.read(new int[] {1, 3, 3}, new int[] {1, 1, 1}).getLong(0));
            assertEquals(2, clefts.read(new int[] {0, 0, 0}, new int[] {1, 1, 1}).getLong(0));
        }
        UserException several = assertThrows(UserException.class, () -> VolumeFiles.open(store.toString()));
        assertTrue(several.getMessage().contains("holds several datasets (volumes/labels/clefts, volumes/raw); name one as '"
                + store + "/DATASET'"), several.getMessage());
        UserException missing = assertThrows(UserException.class, () -> VolumeFiles.open(store + "/volumes/nothing"));
        assertTrue(missing.getMessage().contains("has no dataset 'volumes/nothing'"), missing.getMessage());
    }

    @Test
    void aStoreThatIsOneArrayAndHdf5FilesAsBefore(@TempDir Path dir) throws Exception {
        Path single = dir.resolve("single.zarr");
        array(single, 3);
        try (ChunkedVolume v = VolumeFiles.open(single.toString())) {
            assertEquals("", v.datasetPath());
            assertEquals(3, v.read(new int[3], new int[] {1, 1, 1}).getLong(0));
        }
        Path h5 = dir.resolve("a.h5");
        new Hdf5Writer().dataset("volumes/raw", Block.zeros(DataType.UINT8, 2, 4, 4), Map.of()).write(h5);
        assertEquals(new VolumeSpec(h5, "volumes/raw"), VolumeSpec.parse(h5 + ":volumes/raw"));
        try (ChunkedVolume v = VolumeFiles.open(h5 + ":volumes/raw")) {
            assertInstanceOf(Hdf5Volume.class, v);
        }
        Files.createDirectories(dir.resolve("plain"));
        UserException notZarr = assertThrows(UserException.class, () -> VolumeFiles.open(dir.resolve("plain").toString()));
        assertTrue(notZarr.getMessage().contains("is a folder but neither a Zarr store"), notZarr.getMessage());
    }
}
