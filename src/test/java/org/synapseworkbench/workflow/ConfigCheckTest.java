package org.synapseworkbench.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigKey;
import org.synapseworkbench.config.ConfigLoader;
import org.synapseworkbench.config.ConfigValidator;
import org.synapseworkbench.work.UserException;

/** What {@code config --validate} says against what training and prediction accept. */
class ConfigCheckTest {
    private static Config demo() {
        return ConfigLoader.merge(null, Path.of("configs/Demo/Demo-Cleft.yaml"), List.of());
    }

    /** Configs with every augmentation on, both U-Nets, cleft and polarity targets. */
    private static List<Config> bases() {
        return List.of(demo(),
                ConfigLoader.merge(Path.of("configs/CREMI/CREMI-Base.yaml"), Path.of("configs/CREMI/CREMI-Foreground-UNet.yaml"),
                        List.of()),
                ConfigLoader.merge(Path.of("configs/Polarity/Polarity-Base.yaml"), Path.of("configs/Polarity/Polarity-Semantic-CE.yaml"),
                        List.of()));
    }

    private static List<String> errors(Config c) {
        return ConfigCheck.errors(c).stream().map(ConfigValidator.Problem::message).toList();
    }

    /** Values of the wrong kind for a key of each type: None, out of range, not finite, unknown words, odd lengths. */
    private static List<Object> oddValues(ConfigKey k) {
        List<Object> v = new ArrayList<>(Arrays.asList((Object) null));
        switch (k.type()) {
            case INT -> v.addAll(List.of(-1, 0, Integer.MAX_VALUE));
            case FLOAT -> v.addAll(List.of(-1.0, 0.0, 1e300, Double.POSITIVE_INFINITY, Double.NaN));
            case BOOL -> v.addAll(List.of(true, false));
            case STR, PATHS -> v.addAll(List.of("bogus", ""));
            case INT_LIST -> v.addAll(List.of(List.of(), List.of(1), List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 2, 3, 4, 5, 6)));
            case FLOAT_LIST -> v.addAll(List.of(List.of(), List.of(1.0), List.of(Double.NaN, 1.0), List.of(-1.0, -1.0, -1.0)));
            case BOOL_LIST -> v.addAll(List.of(List.of(), List.of(true)));
            case STR_LIST -> v.addAll(List.of(List.of(), List.of("bogus"), List.of("0", "1")));
            case STR_LIST_LIST -> v.addAll(List.of(List.of(), List.of(List.of()), List.of(List.of("bogus")),
                    List.of(List.of("1", "0"), List.of("1"))));
            case FLOAT_LIST_LIST -> v.addAll(List.of(List.of(), List.of(List.of()), List.of(List.of(Double.NaN)),
                    List.of(List.of(1.0, 1.0, 1.0))));
            case ANY -> v.addAll(List.of(1, "bogus", List.of(List.of("bogus"))));
        }
        return v;
    }

    @Test
    void everyOddValueIsEitherRefusedWithASentenceOrAcceptedByTrainingAndPrediction() {
        int tried = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (Config base : bases()) {
            assertEquals(List.of(), errors(base));
            for (ConfigKey k : base.schema().keys().values()) {
                for (Object value : oddValues(k)) {
                    Config c;
                    try {
                        c = base.with(k.name(), value, "test");
                    } catch (UserException wrongType) {
                        continue; // the loader already refuses it with a sentence
                    }
                    tried++;
                    // whatever the value, the check answers (no exception of its own) ...
                    List<String> errors;
                    try {
                        errors = errors(c);
                    } catch (RuntimeException e) {
                        failures.add(k.name() + " = " + value + ": the check failed with " + e);
                        continue;
                    }
                    if (!errors.isEmpty()) {
                        refused++;
                        continue;
                    }
                    // ... and when it finds nothing, training and prediction read the config without a complaint
                    try {
                        org.synapseworkbench.train.TrainingSettings.fromConfig(c);
                        org.synapseworkbench.infer.VolumeInference.Settings.fromConfig(c);
                    } catch (RuntimeException e) {
                        failures.add(k.name() + " = " + value + " passed the check but training says: " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(tried > 1000 && refused > 200, tried + " tried, " + refused + " refused");
    }

    @Test
    void whatTheIssueFoundIsRefusedBeforeTraining() {
        Config base = demo();
        List<String> none = errors(base.with("MODEL.INPUT_SIZE", null, "test"));
        assertEquals(1, none.size(), none.toString());
        assertTrue(none.get(0).startsWith("test: MODEL.INPUT_SIZE is None but training and prediction need a value"), none.get(0));
        List<String> inf = errors(base.with("SOLVER.BASE_LR", Double.POSITIVE_INFINITY, "test"));
        assertTrue(inf.size() == 1 && inf.get(0).contains("SOLVER.BASE_LR is .inf but must hold finite numbers only"), inf.toString());
        List<String> loss = errors(base.with("MODEL.LOSS_OPTION", List.of(List.of("WeightedBCEWithLogitsLoss", "FocalLoss")), "test"));
        assertTrue(loss.size() == 1 && loss.get(0).contains("FocalLoss"), loss.toString());
        List<String> swa = errors(base.with("SOLVER.SWA.ENABLED", true, "test"));
        assertTrue(swa.size() == 1 && swa.get(0).contains("SOLVER.SWA.ENABLED is True"), swa.toString());
        assertEquals("SOLVER.SWA.ENABLED", ConfigCheck.problems(base.with("SOLVER.SWA.ENABLED", true, "test")).get(0).key());
    }
}
