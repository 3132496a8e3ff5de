package org.synapseworkbench.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.volume.Volume;

/** The synapse probability of maps with channels, read as boxes and as the viewer's sampled planes. */
class SynapseProbabilityViewTest {
    /** Channel c of voxel (z, y, x) holds 10 c + 3 z + y + x. */
    private static Path map(Path dir, String channels) {
        Block p = Block.zeros(DataType.UINT8, 3, 2, 6, 7);
        for (int i = 0; i < p.size(); i++) {
            int x = i % 7;
            int y = i / 7 % 6;
            int z = i / 42 % 2;
            int c = i / 84;
            p.setLong(i, 10 * c + 3 * z + y + x);
        }
        Path file = dir.resolve(channels.replace(',', '-') + ".h5");
        new Hdf5Writer().dataset("vol0", p, Map.of("channels", channels)).write(file);
        return file;
    }

    @Test
    void classesAreOneMinusBackgroundAndChannelsTheirUnionInBoxesAndPlanes(@TempDir Path dir) {
        int[] rows = {1, 3, 5};
        int[] cols = {0, 6};
        try (Hdf5Volume classes = Hdf5Volume.open(map(dir, "background,pre,post"), "vol0");
                Hdf5Volume channels = Hdf5Volume.open(map(dir, "pre,post,union"), "vol0")) {
            Volume c = SynapseProbabilityView.of(classes);
            Volume u = SynapseProbabilityView.of(channels);
            assertArrayEquals(new int[] {2, 6, 7}, c.shape());
            assertEquals(255 - (3 + 2 + 4), c.read(new int[] {1, 2, 4}, new int[] {1, 1, 1}).getLong(0));
            assertEquals(20 + 3 + 2 + 4, u.read(new int[] {1, 2, 4}, new int[] {1, 1, 1}).getLong(0));
            Block plane = c.readSampled(0, 1, rows, cols, null);
            Block union = u.readSampled(0, 1, rows, cols, null);
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < cols.length; j++) {
                    assertEquals(255 - (3 + rows[i] + cols[j]), plane.getLong(i * cols.length + j));
                    assertEquals(20 + 3 + rows[i] + cols[j], union.getLong(i * cols.length + j));
                }
            }
        }
        InMemoryVolume flat = new InMemoryVolume("3-d", Block.zeros(DataType.UINT8, 2, 6, 7), new double[] {40, 4, 4});
        assertSame(flat, SynapseProbabilityView.of(flat), "a map without channels is its own synapse probability");
    }
}
