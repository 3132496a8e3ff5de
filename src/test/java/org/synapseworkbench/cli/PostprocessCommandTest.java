package org.synapseworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;
import org.synapseworkbench.volume.Hdf5Writer;

/** postprocess reads what a map's channels hold from the attribute infer writes. */
class PostprocessCommandTest {
    @TempDir
    Path dir;

    /** A class map of 1 x 4 x 40: background, then pre at x 5-14 and post at x 15-24 (255 in that class's channel). */
    private static Block classMap() {
        int n = 4 * 40;
        byte[] v = new byte[3 * n];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 40; x++) {
                int c = x >= 5 && x < 15 ? 1 : x >= 15 && x < 25 ? 2 : 0;
                v[c * n + y * 40 + x] = (byte) 255;
            }
        }
        return Block.wrap(DataType.UINT8, v, 3, 1, 4, 40);
    }

    private long[] cut(Path map) throws Exception {
        Path out = dir.resolve("labels-" + map.getFileName());
        MainTest.Result r = MainTest.run("postprocess", "--input", map.toString(), "--output", out.toString(), "--min-size", "4");
        assertEquals(0, r.code(), r.err());
        assertEquals(map.getFileName().toString().equals("classes.h5"), r.out().contains("(exclusive classes"), r.out());
        try (Hdf5Volume v = Hdf5Volume.open(out, "main")) {
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
}
