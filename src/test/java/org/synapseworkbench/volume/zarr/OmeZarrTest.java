package org.synapseworkbench.volume.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.SystemPython;
import org.synapseworkbench.volume.VolumeFiles;

/**
 * OME-Zarr (NGFF 0.4) images made with zarr-python: the finest level is opened for the store or a labels group, and
 * each level's voxel size and offset come from the axes' units and the scale and translation transformations.
 */
class OmeZarrTest {
    private static final String WRITE = String.join("\n",
            "import zarr, numpy as np, sys",
            "g = zarr.open_group(sys.argv[1], mode='w')",
            "a = (np.arange(8 * 32 * 32) % 251).astype('u1').reshape(8, 32, 32)",
            "g.create_dataset('0', data=a, chunks=(4, 16, 16))",
            "g.create_dataset('1', data=a[:, ::2, ::2], chunks=(4, 16, 16))",
            "axes = [{'name': 'z', 'type': 'space', 'unit': 'micrometer'}, {'name': 'y', 'type': 'space', 'unit': 'micrometer'},",
            "        {'name': 'x', 'type': 'space', 'unit': 'micrometer'}]",
            "g.attrs['multiscales'] = [{'version': '0.4', 'axes': axes, 'datasets': [",
            "    {'path': '0', 'coordinateTransformations': [{'type': 'scale', 'scale': [0.04, 0.004, 0.004]},",
            "                                                {'type': 'translation', 'translation': [0.4, 0.0, 0.008]}]},",
            "    {'path': '1', 'coordinateTransformations': [{'type': 'scale', 'scale': [0.04, 0.008, 0.008]}]}]}]",
            "lab = g.create_group('labels').create_group('cells')",
            "lab.create_dataset('0', data=(a > 200).astype('u8'), chunks=(4, 16, 16))",
            "lab.attrs['multiscales'] = [{'version': '0.4', 'axes': ['z', 'y', 'x'], 'datasets': [{'path': '0',",
            "    'coordinateTransformations': [{'type': 'scale', 'scale': [40, 4, 4]}]}]}]",
            "lab.attrs['image-label'] = {'version': '0.4'}",
            "print('ok')");

    @Test
    void theFinestLevelWithItsVoxelSizeInNm(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("zarr"), "python3-zarr is not installed");
        Path store = dir.resolve("image.ome.zarr");
        SystemPython.run(WRITE, store.toString());
        try (ChunkedVolume v = VolumeFiles.open(store.toString());
                ChunkedVolume coarse = VolumeFiles.open(store + "/1");
                ChunkedVolume cells = VolumeFiles.open(store + "/labels/cells")) {
            assertEquals("0", v.datasetPath(), "the image's finest level, not 'several datasets'");
            assertArrayEquals(new int[] {8, 32, 32}, v.shape());
            assertArrayEquals(new double[] {40, 4, 4}, v.resolution(), 1e-9, "0.04 x 0.004 x 0.004 micrometres in nm");
            assertArrayEquals(new double[] {400, 0, 8}, v.offset(), 1e-9);
            assertArrayEquals(new double[] {40, 8, 8}, coarse.resolution(), 1e-9, "a coarser level's own scale");
            assertEquals("labels/cells/0", cells.datasetPath());
            assertArrayEquals(new double[] {40, 4, 4}, cells.resolution(), 1e-9, "axes by name, no unit: nm");
            assertEquals(1, cells.read(new int[] {0, 0, 0}, new int[] {8, 32, 32}).getLong(201));
        }
    }
}
