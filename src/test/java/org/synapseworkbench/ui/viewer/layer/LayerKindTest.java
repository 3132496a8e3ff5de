package org.synapseworkbench.ui.viewer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Cremi;

/** Everything that differs between layer kinds, asked of the kind. */
class LayerKindTest {
    @Test
    void coloursBackgroundAndValues() {
        assertEquals(LabelLayer.RED, LayerKind.CLEFTS.colour(7, 0));
        assertEquals(LabelLayer.MAGENTA, LayerKind.POLARITY.colour(3, 0), "odd: pre");
        assertEquals(LabelLayer.CYAN, LayerKind.POLARITY.colour(4, 0), "even: post");
        assertEquals(LabelLayer.instanceColour(5), LayerKind.INSTANCES.colour(5, 0));
        for (LayerKind k : List.of(LayerKind.CLEFTS, LayerKind.POLARITY, LayerKind.INSTANCES)) {
            assertEquals(-1, k.colour(0, 0));
            assertEquals(-1, k.colour(Cremi.NO_CLEFT, 0));
            assertEquals(-1, k.colour(Cremi.IGNORE, 0));
        }
        assertEquals(0x123456, LayerKind.PROBABILITY.colour(1, 0x123456));
        assertEquals(-1, LayerKind.PROBABILITY.colour(0, 0x123456));
        assertEquals("0.50", LayerKind.PROBABILITY.describe(128), "128 / 255");
        assertEquals("-", LayerKind.CLEFTS.describe(0));
        assertEquals("18446744073709551613", LayerKind.INSTANCES.describe(-3L), "uint64 ids read unsigned");
    }

    @Test
    void stackingLegendsAndAlternatives() {
        List<LayerKind> stacked = Arrays.stream(LayerKind.values())
                .sorted(java.util.Comparator.comparingInt(LayerKind::stackOrder)).toList();
        assertEquals(List.of(LayerKind.PROBABILITY, LayerKind.INSTANCES, LayerKind.POLARITY, LayerKind.CLEFTS), stacked,
                "probabilities under labels, clefts on top");
        assertEquals(List.of(new LayerKind.Swatch(LabelLayer.MAGENTA, "pre (2n-1)"), new LayerKind.Swatch(LabelLayer.CYAN,
                "post (2n)")), LayerKind.POLARITY.legend(0));
        assertEquals(List.of(LayerKind.PROBABILITY), LayerKind.PROBABILITY.alternatives());
        assertEquals(List.of(LayerKind.CLEFTS, LayerKind.POLARITY, LayerKind.INSTANCES), LayerKind.INSTANCES.alternatives());
        assertFalse(LayerKind.PROBABILITY.holdsIds());
        assertTrue(LayerKind.CLEFTS.holdsIds());
    }

    @Test
    void aDatasetsNameChoosesItsFirstKind() {
        assertEquals(LayerKind.POLARITY, LayerKind.ofDataset("volumes/labels/pre_post_polarity"));
        assertEquals(LayerKind.INSTANCES, LayerKind.ofDataset("volumes/labels/neuron_ids"));
        assertEquals(LayerKind.CLEFTS, LayerKind.ofDataset("volumes/labels/clefts"));
    }
}
