package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;
import org.synapseworkbench.work.Cancellation;

/** Missed-synapse candidates on hand-built probability maps, with their ranking worked out by hand. */
class MissCandidatesTest {
    private static final double[] RES = {40, 4, 4};

    private static InMemoryVolume map() {
        Block p = Block.zeros(DataType.FLOAT32, 3, 6, 8);
        // A: four voxels of doubt on section 1 and, diagonally across sections, one on section 0: mass 1.5, peak 0.4
        p.setDouble(p.index(1, 1, 1), 0.3);
        p.setDouble(p.index(1, 1, 2), 0.3);
        p.setDouble(p.index(1, 2, 1), 0.3);
        p.setDouble(p.index(1, 2, 2), 0.4);
        p.setDouble(p.index(0, 0, 0), 0.2);
        // B: doubt beside a voxel over the threshold (0.6) that no instance holds (a piece too small to keep), and
        // diagonally on the next section: mass 1.1, a candidate when instances are given, a detection's fringe without
        p.setDouble(p.index(0, 4, 5), 0.2);
        p.setDouble(p.index(0, 4, 6), 0.6);
        p.setDouble(p.index(1, 4, 7), 0.3);
        // C: doubt beside a predicted instance (whose own probability is low)
        p.setDouble(p.index(2, 0, 7), 0.3);
        p.setDouble(p.index(2, 1, 7), 0.1);
        // E: a speck just under the threshold; F: two voxels at 0.2; and 0.1 everywhere in between is below the band
        p.setDouble(p.index(2, 5, 4), 0.45);
        p.setDouble(p.index(2, 4, 0), 0.2);
        p.setDouble(p.index(2, 4, 1), 0.2);
        p.setDouble(p.index(2, 3, 3), 0.1);
        return new InMemoryVolume("probability", p, RES);
    }

    private static InMemoryVolume instances() {
        Block i = Block.zeros(DataType.UINT64, 3, 6, 8);
        i.setLong(i.index(2, 1, 7), 3);
        return new InMemoryVolume("instances", i, RES);
    }

    @Test
    void regionsInTheBandAwayFromDetectionsRankedByProbabilityMassDiscountedNearDetections() {
        List<String> progress = new ArrayList<>();
        List<MissCandidates.Candidate> c = new MissCandidates(0.15, 0.5, 1).find(map(), instances(),
                (task, done, total, seconds) -> progress.add(task + " " + done + "/" + total), null);
        assertEquals(4, c.size(), "A, B, E and F; C touches an instance");
        // the detection with C, its fringe, spans (2, 0, 7) to (2, 1, 7); gaps in voxels times 40, 4, 4 nm
        MissCandidates.Candidate a = c.get(0);
        assertEquals(5, a.voxels());
        assertEquals(1.5, a.mass(), 1e-6);
        assertEquals(0.4, a.peak(), 1e-6);
        assertArrayEquals(new int[] {1, 2, 2}, a.peakAt());
        assertArrayEquals(new int[] {0, 0, 0}, a.min());
        assertArrayEquals(new int[] {1, 2, 2}, a.max());
        assertEquals(0.3, a.mean(), 1e-6);
        assertEquals(Math.hypot(40, 5 * 4), a.nearest(), 1e-9, "one section and five columns away");
        assertEquals(1.5 * Math.hypot(40, 20) / 400, a.score(), 1e-6);
        MissCandidates.Candidate b = c.get(1);
        assertEquals(1.1, b.mass(), 1e-6);
        assertEquals(0.6, b.peak(), 1e-6);
        assertArrayEquals(new int[] {0, 4, 6}, b.peakAt());
        assertEquals(Math.hypot(40, 3 * 4), b.nearest(), 1e-9);
        // F (mass 0.4, 6 columns and 3 rows away) now goes before the speck E (mass 0.45, 3 columns and 4 rows away)
        assertEquals(0.4, c.get(2).mass(), 1e-6);
        assertEquals(2, c.get(2).voxels());
        assertEquals(Math.hypot(3 * 4, 6 * 4), c.get(2).nearest(), 1e-9);
        assertEquals(0.45, c.get(3).mass(), 1e-6);
        assertArrayEquals(new int[] {2, 5, 4}, c.get(3).peakAt());
        assertEquals(20, c.get(3).nearest(), 1e-9);
        assertEquals(List.of("Looking for missed synapses 1/3", "Looking for missed synapses 2/3",
                "Looking for missed synapses 3/3"), progress);
    }

    @Test
    void regionsFarFromEveryDetectionCountWholly() {
        Block p = Block.zeros(DataType.FLOAT32, 1, 1, 300);
        p.setDouble(0, 0.9); // a detection at x = 0
        p.setDouble(50, 0.45); // 50 voxels of 4 nm from it: 200 nm, score 0.45 * 200 / 400
        p.setDouble(200, 0.3); // 800 nm: the whole mass
        p.setDouble(299, 0.2);
        List<MissCandidates.Candidate> c = new MissCandidates(0.15, 0.5, 1).find(new InMemoryVolume("line", p, RES), null,
                null, null);
        assertEquals(List.of(200, 50, 299), c.stream().map(x -> x.peakAt()[2]).toList());
        assertEquals(List.of(400.0, 200.0, 400.0), c.stream().map(MissCandidates.Candidate::nearest).toList());
        assertEquals(0.45 * 200 / 400, c.get(1).score(), 1e-6);
        assertEquals(0.3, c.get(0).score(), 1e-6);
    }

    @Test
    void cremiBackgroundOfTheInstancesIsNoDetection() {
        InMemoryVolume zero = instances();
        Block cremi = zero.read(new int[] {0, 0, 0}, zero.shape());
        for (int i = 0; i < cremi.size(); i++) {
            if (cremi.getLong(i) == 0) {
                cremi.setLong(i, i % 7 == 0 ? Cremi.IGNORE : Cremi.NO_CLEFT);
            }
        }
        List<MissCandidates.Candidate> c = new MissCandidates(0.15, 0.5, 1).find(map(),
                new InMemoryVolume("instances", cremi, RES), null, null);
        List<MissCandidates.Candidate> expected = new MissCandidates(0.15, 0.5, 1).find(map(), zero, null, null);
        assertEquals(4, c.size());
        assertEquals(expected.stream().map(MissCandidates.Candidate::mass).toList(),
                c.stream().map(MissCandidates.Candidate::mass).toList());
    }

    @Test
    void withoutInstancesOnlyTheThresholdMarksDetectionsAndSmallRegionsCanBeLeftOut() {
        List<MissCandidates.Candidate> c = new MissCandidates(0.15, 0.5, 2).find(map(), null, null, null);
        // without the instance, C is a region of its own, but of one voxel, as is E: both smaller than 2
        assertEquals(List.of(1.5, 0.4), c.stream().map(x -> Math.round(x.mass() * 10) / 10.0).toList());
    }

    @Test
    void eightBitMapsAreFractionsOf255() {
        Block p = Block.zeros(DataType.UINT8, 1, 2, 3);
        p.setLong(p.index(0, 0, 0), 51);
        p.setLong(p.index(0, 1, 1), 102);
        p.setLong(p.index(0, 1, 2), 200); // 0.78: a detection
        p.setLong(p.index(0, 0, 2), 51);
        List<MissCandidates.Candidate> c = new MissCandidates(0.15, 0.5, 1).find(new InMemoryVolume("p8", p, RES), null, null, null);
        // (0,0,0) and (0,1,1) are diagonal neighbours, (0,1,1) touches the detection (0,1,2): all one fringe
        assertTrue(c.isEmpty(), c.toString());
        p.setLong(p.index(0, 1, 2), 0);
        c = new MissCandidates(0.15, 0.5, 1).find(new InMemoryVolume("p8", p, RES), null, null, null);
        assertEquals(1, c.size());
        assertEquals(0.8, c.get(0).mass(), 1e-6, "(51 + 102 + 51) / 255, in single precision");
    }

    @Test
    void cancellingKeepsWhatWasFoundAndBadBandsAreRefused() {
        Cancellation cancel = new Cancellation();
        List<MissCandidates.Candidate> c = new MissCandidates(0.15, 0.5, 1).find(map(), instances(),
                (task, done, total, seconds) -> cancel.cancel(), cancel); // cancelled once section 0 is done
        assertEquals(2, c.size(), "only section 0 was read: the speck at (0, 0, 0) and B's part there");
        assertThrows(IllegalArgumentException.class, () -> new MissCandidates(0.5, 0.15, 1));
        assertThrows(IllegalArgumentException.class, () -> new MissCandidates(0.15, 0.5, 1).find(map(),
                new InMemoryVolume("wrong", Block.zeros(DataType.UINT64, 3, 6, 7), RES), null, null));
    }
}
