package org.synapseworkbench.ui.viewer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Cremi;

class LabelLayerTest {

    @Test
    void idsBecomeTheColoursOfTheirKind() {
        LabelLayer clefts = new LabelLayer("c", null, LayerKind.CLEFTS);
        LabelLayer polarity = new LabelLayer("p", null, LayerKind.POLARITY);
        assertEquals(-1, clefts.colour(0));
        assertEquals(-1, clefts.colour(Cremi.NO_CLEFT));
        assertEquals(-1, clefts.colour(Cremi.IGNORE));
        assertEquals(LabelLayer.RED, clefts.colour(12));
        assertEquals(LabelLayer.MAGENTA, polarity.colour(5), "2n-1 is pre-synaptic");
        assertEquals(LabelLayer.CYAN, polarity.colour(6), "2n is post-synaptic");
        assertEquals(-1, polarity.colour(Cremi.NO_CLEFT));
    }

    @Test
    void instancesGetAColourEachAndLabelsCanSwitchToThem() {
        // id 1: hue 0.618 (sector 3, f 0.708), saturation 0.75: (0.25, 1 - 0.75 * 0.708, 1) x 255 = (64, 120, 255)
        assertEquals(0x4078FF, LabelLayer.instanceColour(1));
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (long id = 1; id <= 64; id++) {
            colours.add(LabelLayer.instanceColour(id));
        }
        assertEquals(64, colours.size(), "64 ids, 64 colours");
        LabelLayer layer = new LabelLayer("c", null, LayerKind.CLEFTS);
        layer.kindProperty().set(LayerKind.INSTANCES);
        assertEquals(LabelLayer.instanceColour(12), layer.colour(12));
        assertEquals(-1, layer.colour(Cremi.NO_CLEFT), "background stays background");
    }

    @Test
    void truthIsOutlinedAPredictionFilledAndACorrectionPaleAndSolid() {
        LabelLayer clefts = new LabelLayer("c", null, LayerKind.CLEFTS);
        org.synapseworkbench.volume.Block row = org.synapseworkbench.volume.Block.zeros(
                org.synapseworkbench.volume.DataType.UINT64, 1, 1, 3);
        row.setLong(0, 7);
        row.setLong(1, 7);
        int grey = 0xFF808080;
        int[] pixels = {grey, grey, grey};
        clefts.blend(row, 3, pixels, new LabelLayer.Style(LayerKind.CLEFTS, 0.5, 0, false), new int[] {1}, 1);
        assertEquals(LabelLayer.mix(grey, LabelLayer.RED, 0.5), pixels[0], "as the model or file has it: filled red");
        assertEquals(LabelLayer.mix(grey, LabelLayer.mix(LabelLayer.RED, 0xFFFFFF, LabelLayer.EDIT_LIGHTER),
                LabelLayer.EDIT_OPACITY), pixels[1], "corrected: a paler red, nearly opaque");
        assertEquals(grey, pixels[2], "background untouched");
    }

    @Test
    void mixingIsLinearPerChannel() {
        assertEquals(0xFFC04040, LabelLayer.mix(0xFF808080, 0xFF0000, 0.5), "grey 128 half red: (128 + 255) / 2 = 191.5 rounds to 192");
        assertEquals(0xFF808080, LabelLayer.mix(0xFF808080, 0xFF0000, 0.0));
        assertEquals(0xFF00FFFF, LabelLayer.mix(0xFF808080, 0x00FFFF, 1.0));
    }
}
