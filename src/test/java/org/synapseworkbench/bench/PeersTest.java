package org.synapseworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Writer;

/** The peer programs travel with the program and run from it, without anything beside the repository. */
class PeersTest {
    @Test
    void everyPeerIsCarriedInTheProgram() throws Exception {
        for (String peer : List.of(Peers.H5PY_READ, Peers.PYTORCH_UNET, Peers.SCIPY, Peers.ZARR_READ)) {
            try (InputStream in = Peers.class.getResourceAsStream(peer)) {
                assertNotNull(in, peer);
            }
        }
        assertNull(Peers.python("none"));
        assertEquals("/opt/py/bin/python3", Peers.python("/opt/py/bin/python3"));
    }

    @Test
    void theH5pyPeerReadsWhatWeWrite(@TempDir Path dir) throws Exception {
        String python = Peers.python(null);
        Process probe = new ProcessBuilder(python, "-c", "import h5py").start();
        assumeTrue(probe.waitFor() == 0, "python3-h5py is not installed");
        byte[] v = new byte[2 * 3 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) i;
        }
        Path file = dir.resolve("peer.h5");
        new Hdf5Writer().dataset("main", Block.wrap(DataType.UINT8, v, 2, 3, 4)).write(file);
        String json = Peers.run(python, Peers.H5PY_READ, file.toString(), "main", "1");
        assertNotNull(json, "the peer ran");
        assertEquals(66, (long) BenchmarkCommand.number(json, "checksum"), "the first section: 0 + 1 + ... + 11");
    }
}
