package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaddedImageTest {
    private static InMemoryVolume image(DataType type, int[] shape, double... values) {
        Block b = Block.zeros(type, shape);
        for (int i = 0; i < values.length; i++) {
            b.setDouble(i, values[i]);
        }
        return new InMemoryVolume("image", b, new double[] {40, 4, 4});
    }

    @Test
    void withoutNormalisationUint8IsDividedBy255() {
        PaddedImage p = PaddedImage.of(image(DataType.UINT8, new int[] {1, 1, 2}, 0, 51), new int[3], false);
        assertArrayEquals(new float[] {0f, 0.2f}, p.read(new int[3], new int[] {1, 1, 2}), 1e-7f);
    }

    @Test
    void eachSectionGetsMeanOneHalfAndStdOneEighth() {
        // section 0: mean 125, std 25 (grey levels); section 1: 3, 3, 5, 5 (a lost section: std 1/255 < 0.02, so
        // divided by 0.02); section 2 constant
        InMemoryVolume v = image(DataType.UINT8, new int[] {3, 2, 2}, 100, 100, 150, 150, 3, 3, 5, 5, 7, 7, 7, 7);
        PaddedImage p = PaddedImage.of(v, new int[] {1, 0, 0}, true);
        float[] got = p.read(new int[] {0, 0, 0}, new int[] {5, 2, 2});
        float lost = (float) (1 / 255.0 * 0.125 / 0.02); // 0.0245
        float[] expected = {
            0.5f - lost, 0.5f - lost, 0.5f + lost, 0.5f + lost, // padded z = 0 reflects section 1
            0.375f, 0.375f, 0.625f, 0.625f,
            0.5f - lost, 0.5f - lost, 0.5f + lost, 0.5f + lost,
            0.5f, 0.5f, 0.5f, 0.5f,
            0.5f - lost, 0.5f - lost, 0.5f + lost, 0.5f + lost}; // padded z = 4 reflects section 1
        assertArrayEquals(expected, got, 1e-6f);
    }

    @Test
    void gainAndOffsetOfASectionCancel() {
        // float data are min-max scaled over the volume first; the second section is the first x 3 + 40
        InMemoryVolume v = image(DataType.FLOAT32, new int[] {2, 1, 4}, 10, 20, 30, 60, 70, 100, 130, 220);
        float[] got = PaddedImage.of(v, new int[3], true).read(new int[3], new int[] {2, 1, 4});
        for (int i = 0; i < 4; i++) {
            assertEquals(got[i], got[4 + i], 1e-6f);
        }
        // mean 30, std sqrt(350): (10 - 30) / sqrt(350) x 0.125 + 0.5
        assertEquals(0.5 - 20 / Math.sqrt(350) * 0.125, got[0], 1e-6);
    }

    @Test
    void statisticsAreOverWholeSectionsReadInStrips() {
        InMemoryVolume v = image(DataType.UINT16, new int[] {2, 3, 2}, 1, 2, 3, 4, 5, 6, 1000, 1000, 1000, 1000, 1000, 1012);
        SectionStatistics s = SectionStatistics.of(v, 2); // one row at a time
        assertEquals(3.5, s.mean(0), 1e-12);
        assertEquals(Math.sqrt(35 / 12.0), s.std(0), 1e-12);
        assertEquals(1002, s.mean(1), 1e-12);
        assertEquals(Math.sqrt(5 * 4 + 100) / Math.sqrt(6), s.std(1), 1e-12);
        SectionStatistics later = s.from(1);
        assertEquals(1002, later.mean(0), 1e-12);
    }
}
