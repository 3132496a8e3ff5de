package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** h5py (Debian's python3-h5py, installed by .ci/run) reads what we write: types, values, chunks, attributes. */
class H5pyReadsOurFilesTest {
    static final String PYTHON = "/usr/bin/python3";

    static boolean h5pyAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void h5pySeesTheSameVoxels(@TempDir Path dir) throws Exception {
        assumeTrue(h5pyAvailable(), "python3-h5py is not installed");
        Block labels = Block.zeros(DataType.UINT64, 3, 40, 50);
        labels.fill(Cremi.NO_CLEFT);
        labels.setLong(labels.index(1, 20, 30), 42);
        labels.setLong(labels.index(2, 39, 49), Cremi.IGNORE);
        Block raw = Hdf5RoundTripTest.random(DataType.UINT8, 9, 3, 40, 50);
        Path f = dir.resolve("ours.h5");
        new Hdf5Writer()
                .dataset(Cremi.RAW, raw, Map.of("resolution", new double[] {40, 4, 4}))
                .dataset(Cremi.CLEFTS, labels, new int[] {2, 16, 16}, Map.of())
                .write(f);
        long rawSum = 0;
        for (int i = 0; i < raw.size(); i++) {
            rawSum += raw.getLong(i);
        }
        String script = String.join("\n",
                "import h5py, sys",
                "f = h5py.File(sys.argv[1], 'r')",
                "r = f['volumes/raw']; c = f['volumes/labels/clefts']",
                "print(r.dtype, c.dtype, r.shape, c.chunks, r.compression, list(r.attrs['resolution']))",
                "print(int(r[()].astype('int64').sum()), int(c[1, 20, 30]), int(c[2, 39, 49]), int(c[0, 0, 0]))");
        Process p = new ProcessBuilder(PYTHON, "-c", script, f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        List<String> lines = out.lines().toList();
        assertEquals("uint8 uint64 (3, 40, 50) (2, 16, 16) gzip [40.0, 4.0, 4.0]", lines.get(0).replace("np.float64(40.0)", "40.0")
                .replace("np.float64(4.0)", "4.0"));
        assertEquals(rawSum + " 42 " + Long.toUnsignedString(Cremi.IGNORE) + " " + Long.toUnsignedString(Cremi.NO_CLEFT), lines.get(1));
    }
}
