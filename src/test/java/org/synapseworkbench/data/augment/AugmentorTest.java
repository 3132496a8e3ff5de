package org.synapseworkbench.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.work.UserException;

class AugmentorTest {
    private static final List<String> NAMES = List.of("CUTNOISE", "CUTBLUR", "MOTIONBLUR", "MISALIGNMENT",
            "MISSINGSECTION", "MISSINGPARTS", "GRAYSCALE", "ELASTIC", "RESCALE", "ROTATE", "FLIP");

    static Config with(String... pairs) {
        return ConfigLoader.applyOverrides(Config.defaults(), List.of(pairs));
    }

    /** Defaults with every augmentation at P 1. */
    static Config allAlways() {
        List<String> pairs = new ArrayList<>();
        for (String n : NAMES) {
            pairs.add("AUGMENTOR." + n + ".P");
            pairs.add("1.0");
        }
        return ConfigLoader.applyOverrides(Config.defaults(), pairs);
    }

    static List<String> names(Augmentor a) {
        List<String> out = new ArrayList<>();
        for (Augmentation x : a.augmentations()) {
            out.add(x.name());
        }
        return out;
    }

    @Test
    void fromConfigBuildsPytcsOrderAndReadsOverrides() {
        Augmentor def = Augmentor.fromConfig(Config.defaults());
        assertEquals(NAMES, names(def));
        assertArrayEquals(new int[]{19, 338, 338}, def.inputSizeFor(new int[]{17, 257, 257}));
        assertEquals(0.75, def.augmentations().get(NAMES.indexOf("ELASTIC")).probability());

        Augmentor noElastic = Augmentor.fromConfig(with("AUGMENTOR.ELASTIC.ENABLED", "False"));
        assertFalse(names(noElastic).contains("ELASTIC"));
        assertEquals(NAMES.size() - 1, noElastic.augmentations().size());

        Augmentor shifted = Augmentor.fromConfig(with("AUGMENTOR.MISALIGNMENT.DISPLACEMENT", "8",
                "AUGMENTOR.MISSINGSECTION.NUM_SECTION", "3", "AUGMENTOR.GRAYSCALE.P", "0.3"));
        assertArrayEquals(new int[]{20, 330, 330}, shifted.inputSizeFor(new int[]{17, 257, 257}));
        assertEquals(0.3, shifted.augmentations().get(NAMES.indexOf("GRAYSCALE")).probability());

        Augmentor twoD = Augmentor.fromConfig(with("DATASET.DO_2D", "True"));
        assertFalse(names(twoD).contains("MISALIGNMENT") || names(twoD).contains("MISSINGSECTION"));
        assertTrue(Augmentor.fromConfig(with("AUGMENTOR.ENABLED", "False")).augmentations().isEmpty());
        assertFalse(names(Augmentor.fromConfig(with("AUGMENTOR.ROTATE.P", "0"))).contains("ROTATE"));
        assertThrows(UserException.class, () -> Augmentor.fromConfig(with("AUGMENTOR.FLIP.P", "1.5")));
    }

    @Test
    void inputSizeForThenApplyGivesTheRequestedSize() {
        Augmentor always = Augmentor.fromConfig(allAlways());
        Augmentor def = Augmentor.fromConfig(Config.defaults());
        int[][] sizes = {{9, 129, 129}, {17, 257, 257}, {5, 33, 47}, {4, 64, 64}};
        for (int[] out : sizes) {
            for (Augmentor a : List.of(always, def)) {
                int[] in = a.inputSizeFor(out);
                int seeds = out[1] > 200 ? 1 : 3;
                for (long seed = 0; seed < seeds; seed++) {
                    Crop res = a.apply(Crops.noisy(in, seed), out, seed);
                    assertArrayEquals(out, res.shape(), Arrays.toString(out) + " seed " + seed);
                    Crops.assertInUnitRange(res, "augmentor");
                    assertTrue(Set.of(0L, 5L, 9L).containsAll(Crops.values(res.label(0))));
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> always.apply(Crops.noisy(new int[]{9, 129, 129}, 1), new int[]{9, 129, 129}, 1));
    }

    @Test
    void geometryOfTheWholeChainKeepsLabelsOnTheImage() {
        // only the augmentations that move voxels, all at P 1, so the blocky image stays pure
        Augmentor a = Augmentor.fromConfig(with("AUGMENTOR.GRAYSCALE.ENABLED", "False",
                "AUGMENTOR.CUTNOISE.ENABLED", "False", "AUGMENTOR.CUTBLUR.ENABLED", "False",
                "AUGMENTOR.MOTIONBLUR.ENABLED", "False", "AUGMENTOR.MISSINGPARTS.ENABLED", "False",
                "AUGMENTOR.RESCALE.P", "1", "AUGMENTOR.ELASTIC.P", "1", "AUGMENTOR.MISALIGNMENT.P", "1",
                "AUGMENTOR.MISSINGSECTION.P", "1"));
        int[] out = {7, 41, 41};
        for (long seed = 0; seed < 4; seed++) {
            Crop res = a.apply(Crops.blocky(a.inputSizeFor(out), seed), out, seed);
            Crops.assertConsistent(res, "seed " + seed, 0.25);   // interpolated twice: fewer pure voxels
        }
    }

    @Test
    void sameSeedSameCropOtherSeedOtherCrop() {
        Augmentor a = Augmentor.fromConfig(allAlways());
        int[] out = {9, 65, 65};
        Crop in = Crops.noisy(a.inputSizeFor(out), 7);
        Crop r1 = a.apply(in.copy(), out, 42);
        Crop r2 = a.apply(in.copy(), out, 42);
        Crop r3 = a.apply(in.copy(), out, 43);
        assertArrayEquals(r1.image(), r2.image());
        assertArrayEquals(r1.label(0), r2.label(0));
        assertFalse(Arrays.equals(r1.image(), r3.image()));
    }

    @Test
    void disabledAugmentationOnlyCentreCrops() {
        int[] out = {5, 31, 31};
        List<Config> off = new ArrayList<>();
        off.add(with("AUGMENTOR.ENABLED", "False"));
        List<String> zeroP = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (String n : NAMES) {
            zeroP.addAll(List.of("AUGMENTOR." + n + ".P", "0"));
            disabled.addAll(List.of("AUGMENTOR." + n + ".ENABLED", "False"));
        }
        off.add(ConfigLoader.applyOverrides(Config.defaults(), zeroP));
        off.add(ConfigLoader.applyOverrides(Config.defaults(), disabled));
        int[] big = {9, 50, 47};
        for (Config c : off) {
            Augmentor a = Augmentor.fromConfig(c);
            assertArrayEquals(out, a.inputSizeFor(out));
            Crop in = Crops.noisy(big, 3);
            Crop expected = in.copy().centre(out);
            Crop res = a.apply(in, out, 11);
            assertArrayEquals(expected.image(), res.image());
            assertArrayEquals(expected.label(0), res.label(0));
        }
        // augmentations kept in the list with P 0 never fire and need no margin
        Augmentor zero = new Augmentor(List.of(new Misalignment(0, 16, 0.5), new Grayscale(0), new Flip(0, false)));
        assertArrayEquals(out, zero.inputSizeFor(out));
        Crop in = Crops.noisy(big, 4);
        assertArrayEquals(in.copy().centre(out).image(), zero.apply(in, out, 5).image());
    }
}
