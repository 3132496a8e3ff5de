package org.synapseworkbench.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Volume;

class SyntheticEmGeneratorTest {
    static final int[] SIZE = {16, 160, 160};
    static SyntheticVolume volume;

    @BeforeAll
    static void generate() {
        volume = new SyntheticEmGenerator(SynthParams.of(SIZE, 3).withDensity(16)).generate();
    }

    @Test
    void sameSeedSameVolumeOtherSeedOtherVolume() {
        SyntheticVolume again = new SyntheticEmGenerator(SynthParams.of(SIZE, 3).withDensity(16)).generate();
        assertTrue(volume.image().contentEquals(again.image()));
        assertTrue(volume.clefts().contentEquals(again.clefts()));
        assertTrue(volume.polarity().contentEquals(again.polarity()));
        SyntheticVolume other = new SyntheticEmGenerator(SynthParams.of(SIZE, 4).withDensity(16)).generate();
        assertFalse(volume.image().contentEquals(other.image()));
    }

    @Test
    void everyCleftHasAPreAndAPostSideNextToIt() {
        assertTrue(volume.synapses().size() >= 2, "the sample holds synapses: " + volume.synapses().size());
        int[] clefts = (int[]) volume.clefts().data();
        int[] pol = (int[]) volume.polarity().data();
        int n = volume.synapses().size();
        boolean[] preNext = new boolean[n + 1];
        boolean[] postNext = new boolean[n + 1];
        int ny = SIZE[1];
        int nx = SIZE[2];
        int[][] steps = {{0, 0, 0}, {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int z = 0; z < SIZE[0]; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int k = clefts[(z * ny + y) * nx + x];
                    if (k == 0) {
                        continue;
                    }
                    for (int[] s : steps) {
                        int zz = z + s[0];
                        int yy = y + s[1];
                        int xx = x + s[2];
                        if (zz < 0 || yy < 0 || xx < 0 || zz >= SIZE[0] || yy >= ny || xx >= nx) {
                            continue;
                        }
                        int p = pol[(zz * ny + yy) * nx + xx];
                        preNext[k] |= p == 2 * k - 1;
                        postNext[k] |= p == 2 * k;
                    }
                }
            }
        }
        for (Synapse s : volume.synapses()) {
            assertTrue(preNext[s.id()] && postNext[s.id()], "synapse " + s.id() + " has both sides at its cleft");
            assertTrue(s.cleftVoxels() > 0 && s.preVoxels() > 0 && s.postVoxels() > 0);
            assertTrue(s.preNeuron() != s.postNeuron());
        }
        for (int i = 0; i < clefts.length; i++) {
            assertTrue(clefts[i] <= n && pol[i] <= 2 * n, "ids are 1..n and 1..2n");
        }
    }

    @Test
    void preAndPostLieInTheirNeurons() {
        int[] pol = (int[]) volume.polarity().data();
        int[] neurons = (int[]) volume.neurons().data();
        for (int i = 0; i < pol.length; i++) {
            if (pol[i] != 0) {
                Synapse s = volume.synapses().get((pol[i] + 1) / 2 - 1);
                assertEquals((pol[i] & 1) == 1 ? s.preNeuron() : s.postNeuron(), neurons[i]);
            }
        }
    }

    /**
     * A synapse on a face that runs flat to the sections would show as a dark patch with one side labelled over
     * whole sections. Seed 202 placed one where the cells' seeds lie side by side but warp and weights tilt the face
     * (pre 23,747 voxels, post 1,040); faces are now checked where the disc lies, and both sides come out alike.
     */
    @Test
    void synapsesLieOnFacesCutAcrossTheSections() {
        SyntheticVolume v = new SyntheticEmGenerator(SynthParams.of(SynthParams.SAMPLE_SIZE, 202)).generate();
        assertTrue(v.synapses().size() >= 8, "synapses: " + v.synapses().size());
        for (Synapse s : v.synapses()) {
            double ratio = (double) Math.max(s.preVoxels(), s.postVoxels()) / Math.min(s.preVoxels(), s.postVoxels());
            assertTrue(ratio < 4, "synapse " + s.id() + " pre " + s.preVoxels() + " post " + s.postVoxels());
        }
    }

    /** Clefts are dark, but so are membranes, mitochondria and vesicles: no single threshold finds them well. */
    @Test
    void noIntensityThresholdFindsTheClefts() {
        byte[] img = volume.image().bytes();
        int[] clefts = (int[]) volume.clefts().data();
        double best = 0;
        for (int t = 1; t < 256; t++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < img.length; i++) {
                boolean p = (img[i] & 0xFF) < t;
                boolean g = clefts[i] != 0;
                tp += p && g ? 1 : 0;
                fp += p && !g ? 1 : 0;
                fn += !p && g ? 1 : 0;
            }
            best = Math.max(best, 2.0 * tp / (2 * tp + fp + fn));
        }
        assertTrue(best < 0.5, "best threshold F1 " + best);
        assertTrue(best > 0.02, "clefts are darker than average: " + best);
    }

    @Test
    void defectsChangeTheImageButNotTheLabels() {
        SyntheticVolume clean = new SyntheticEmGenerator(SynthParams.of(SIZE, 3).withDensity(16)
                .withDefects(EnumSet.noneOf(SynthParams.Defect.class))).generate();
        SyntheticVolume missing = new SyntheticEmGenerator(SynthParams.of(SIZE, 3).withDensity(16)
                .withDefects(EnumSet.of(SynthParams.Defect.MISSING))).generate();
        assertTrue(clean.clefts().contentEquals(missing.clefts()));
        int blank = 0;
        for (int z = 0; z < SIZE[0]; z++) {
            long sum = 0;
            for (int i = 0; i < SIZE[1] * SIZE[2]; i++) {
                sum += missing.image().bytes()[z * SIZE[1] * SIZE[2] + i] & 0xFF;
            }
            blank += sum / (SIZE[1] * SIZE[2]) < 10 ? 1 : 0;
        }
        assertEquals(1, blank, "one section is missing");
    }

    @Test
    void writtenLayoutsReadBack(@TempDir Path dir) {
        Path cremi = dir.resolve("s.h5");
        SyntheticVolumeWriter.writeCremi(volume, cremi);
        List<Path> pytc = SyntheticVolumeWriter.writePytc(volume, cremi);
        try (Hdf5Volume raw = Hdf5Volume.open(cremi, Cremi.RAW); Hdf5Volume clefts = Hdf5Volume.open(cremi, Cremi.CLEFTS);
             Hdf5Volume pol = Hdf5Volume.open(cremi, Cremi.POLARITY); Hdf5Volume image = Hdf5Volume.open(pytc.get(0), null);
             Hdf5Volume cleftIds = Hdf5Volume.open(pytc.get(1), null)) {
            assertArrayEquals(SynthParams.RESOLUTION, raw.resolution());
            assertTrue(volume.image().contentEquals(raw.readAll()));
            assertTrue(volume.image().contentEquals(image.readAll()));
            assertTrue(volume.clefts().contentEquals(cleftIds.readAll()));
            Block c = clefts.readAll();
            assertEquals(DataType.UINT64, c.type());
            int[] ids = (int[]) volume.clefts().data();
            for (int i = 0; i < ids.length; i++) {
                assertEquals(ids[i] == 0 ? Cremi.NO_CLEFT : ids[i], c.getLong(i));
            }
            List<Synapse> census = SynapseCensus.of(clefts, pol, null);
            assertEquals(volume.synapses().size(), census.size());
            for (int i = 0; i < census.size(); i++) {
                assertEquals(volume.synapses().get(i).cleftVoxels(), census.get(i).cleftVoxels());
                assertEquals(volume.synapses().get(i).preVoxels(), census.get(i).preVoxels());
            }
        }
    }
}
