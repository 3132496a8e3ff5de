package org.synapseworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.work.UserException;

class ConfigTest {
    @TempDir
    Path dir;

    Path yaml(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void defaultsArePytcs() {
        Config c = Config.defaults();
        assertEquals(List.of(28, 36, 48, 64, 80), c.getIntList("MODEL.FILTERS"));
        assertEquals(List.of(false, false, false, true, true), c.get("MODEL.ISOTROPY"));
        assertEquals(List.of(List.of("1")), c.get("MODEL.WEIGHT_OPT"));
        assertEquals(0.001, c.getDouble("SOLVER.WARMUP_FACTOR"));
        assertEquals(List.of(30000, 35000), c.getIntList("SOLVER.STEPS"));
        assertEquals(List.of(0.9, 0.999), c.getDoubleList("SOLVER.BETAS"));
        assertNull(c.get("INFERENCE.AUG_NUM"));
        assertTrue(c.getBool("AUGMENTOR.ELASTIC.ENABLED"));
        assertEquals(-1, c.getInt("DATASET.REJECT_SAMPLING.SIZE_THRES"));
        assertTrue(c.values().size() >= 226);
        assertTrue(ConfigValidator.errors(c).isEmpty());
    }

    @Test
    void mergeOrderIsDefaultsBaseFileCommandLine() throws IOException {
        Path base = yaml("base.yaml", "SOLVER:\n  BASE_LR: 0.02\n  ITERATION_TOTAL: 100\nMODEL:\n  FILTERS: [8, 16, 24, 32, 40]\n");
        Path file = yaml("file.yaml", "SOLVER:\n  BASE_LR: 0.05\nDATASET:\n  IMAGE_NAME: a.h5@b.h5\n  LABEL_NAME: [la.h5, lb.h5]\n"
                + "INFERENCE:\n  AUG_NUM: None\n  DO_SINGLY: True\n");
        Config c = ConfigLoader.load(base, file, List.of("SOLVER.ITERATION_TOTAL", "7", "MODEL.ISOTROPY", "[True,True,True,True,True]"));
        assertEquals(0.05, c.getDouble("SOLVER.BASE_LR"));
        assertEquals(7, c.getInt("SOLVER.ITERATION_TOTAL"));
        assertEquals(List.of(8, 16, 24, 32, 40), c.getIntList("MODEL.FILTERS"));
        assertEquals(List.of("a.h5", "b.h5"), c.getPaths("DATASET.IMAGE_NAME"));
        assertEquals(List.of("la.h5", "lb.h5"), c.getPaths("DATASET.LABEL_NAME"));
        assertNull(c.get("INFERENCE.AUG_NUM"));
        assertTrue(c.getBool("INFERENCE.DO_SINGLY"));
        assertEquals(List.of(true, true, true, true, true), c.get("MODEL.ISOTROPY"));
        assertEquals(file.toString(), c.origin("SOLVER.BASE_LR"));
        assertEquals(ConfigLoader.COMMAND_LINE, c.origin("SOLVER.ITERATION_TOTAL"));
    }

    @Test
    void unknownKeySuggestsTheNearest() throws IOException {
        Path f = yaml("typo.yaml", "MODEL:\n  FILTER: [1, 2, 3, 4, 5]\n");
        UserException e = assertThrows(UserException.class, () -> ConfigLoader.load(null, f, List.of()));
        assertEquals(f + ": unknown key MODEL.FILTER; did you mean MODEL.FILTERS?", e.getMessage());
        UserException cli = assertThrows(UserException.class, () -> ConfigLoader.load(null, null, List.of("SOLVER.BASE_RL", "1")));
        assertTrue(cli.getMessage().contains("did you mean SOLVER.BASE_LR?"), cli.getMessage());
        UserException section = assertThrows(UserException.class, () -> ConfigLoader.load(null, yaml("s.yaml", "SOLVR:\n  NAME: SGD\n"), List.of()));
        assertTrue(section.getMessage().contains("did you mean SOLVER?"), section.getMessage());
    }

    @Test
    void wrongTypesAreNamed() throws IOException {
        Path f = yaml("bad.yaml", "SOLVER:\n  BASE_LR: fast\n");
        UserException e = assertThrows(UserException.class, () -> ConfigLoader.load(null, f, List.of()));
        assertTrue(e.getMessage().startsWith(f + ": SOLVER.BASE_LR expects a number, not fast"), e.getMessage());
        UserException list = assertThrows(UserException.class, () -> ConfigLoader.load(null, null, List.of("MODEL.FILTERS", "[a,b]")));
        assertTrue(list.getMessage().contains("MODEL.FILTERS expects a list of whole numbers"), list.getMessage());
        assertThrows(UserException.class, () -> ConfigLoader.load(null, null, List.of("SOLVER.BASE_LR")));
        UserException yamlError = assertThrows(UserException.class, () -> ConfigLoader.load(null, yaml("broken.yaml", "MODEL:\n  FILTERS: [1, 2\n"), List.of()));
        assertTrue(yamlError.getMessage().contains("is not valid YAML"), yamlError.getMessage());
    }

    @Test
    void impossibleValuesAreErrors() {
        assertError(List.of("MODEL.INPUT_SIZE", "[9,-1,129]"), "MODEL.INPUT_SIZE has -1 in [9, -1, 129]");
        assertError(List.of("MODEL.FILTERS", "[8,16,32,64]"), "MODEL.FILTERS has 4 entries");
        assertError(List.of("MODEL.TARGET_OPT", "['1']"), "MODEL.OUT_PLANES is 1 but TARGET_OPT [\"1\"] needs 3 output channels");
        assertError(List.of("SOLVER.NAME", "Adagrad"), "SOLVER.NAME is 'Adagrad' but must be one of Adam, AdamW, SGD");
        assertError(List.of("AUGMENTOR.ELASTIC.P", "1.5"), "AUGMENTOR.ELASTIC.P is 1.5 but must lie between 0.0 and 1.0");
        assertError(List.of("DATASET.PAD_SIZE", "[2,64]"), "DATASET.PAD_SIZE has 2 entries");
        assertError(List.of("DATASET.IMAGE_NAME", "a@b", "DATASET.LABEL_NAME", "a"), "names 1 label volumes for 2 images");
        Config ok = ConfigLoader.load(null, null, List.of("MODEL.TARGET_OPT", "['1']", "MODEL.OUT_PLANES", "3"));
        assertEquals(3, ok.getInt("MODEL.OUT_PLANES"));
    }

    private static void assertError(List<String> overrides, String expected) {
        UserException e = assertThrows(UserException.class, () -> ConfigLoader.load(null, null, overrides));
        assertTrue(e.getMessage().startsWith("command line: " + expected) || e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void savedYamlLoadsBackEqual() throws IOException {
        Config c = ConfigLoader.load(null, null, List.of("SOLVER.BASE_LR", "1e-5", "SOLVER.WEIGHT_DECAY", "0.0",
                "DATASET.IMAGE_NAME", "['a b.h5', 'None.h5']", "DATASET.LABEL_NAME", "['0', 'x:y.h5']", "DATASET.OUTPUT_PATH", "True",
                "MODEL.LOSS_KWARGS_VAL", "[[[[1.0, 10.0, 10.0]]]]", "MODEL.LOSS_KWARGS_KEY", "[[['class_weight']]]",
                "INFERENCE.AUG_NUM", "8", "SOLVER.ITERATION_TOTAL", "123456", "DATASET.MEAN", "1e20"));
        Path whole = dir.resolve("whole.yaml");
        ConfigYaml.save(ConfigYaml.toYaml(c), whole);
        assertEquals(c, ConfigLoader.load(null, whole, List.of()));
        Path diff = dir.resolve("diff.yaml");
        ConfigYaml.save(ConfigYaml.toYaml(c, Config.defaults()), diff);
        assertEquals(c, ConfigLoader.load(null, diff, List.of()));
        String text = Files.readString(diff);
        assertTrue(text.contains("\n  BASE_LR: 1.0e-5\n"), text);
        assertTrue(text.contains("OUTPUT_PATH: \"True\""), text);
        assertTrue(!text.contains("MODEL.FILTERS") && !text.contains("FILTERS:"), "only differences are saved");
        assertEquals("", ConfigYaml.toYaml(Config.defaults(), Config.defaults()));
    }

    @Test
    void theWorkbenchsOwnKeysAreSavedOnlyWhenSet() throws IOException {
        ConfigKey k = Config.defaults().schema().key("DATASET.NORMALIZE_SECTIONS");
        assertTrue(!k.pytc() && Config.defaults().schema().key("DATASET.MEAN").pytc());
        assertTrue(!Config.defaults().dataset().normalizeSections());
        assertTrue(!ConfigYaml.toYaml(Config.defaults()).contains("NORMALIZE_SECTIONS"), "PyTC would not load it");
        Config set = ConfigLoader.load(null, null, List.of("DATASET.NORMALIZE_SECTIONS", "True"));
        String text = ConfigYaml.toYaml(set);
        assertTrue(text.contains("\n  NORMALIZE_SECTIONS: True\n"), text);
        Path whole = dir.resolve("sections.yaml");
        ConfigYaml.save(text, whole);
        assertTrue(ConfigLoader.load(null, whole, List.of()).dataset().normalizeSections());
    }

    @Test
    void literalsParseAsPythonWrites() {
        assertEquals(List.of(0.9, 0.999), PyLiteral.parse("(0.9, 0.999)"));
        assertEquals(List.of(List.of("1", "0")), PyLiteral.parse("[['1', \"0\"]]"));
        assertNull(PyLiteral.parse("None"));
        assertEquals(Boolean.FALSE, PyLiteral.parse("False"));
        assertEquals(-3, PyLiteral.parse("-3"));
        assertEquals(1.0, PyLiteral.parse("1."));
        assertEquals("outputs/x", PyLiteral.parseOrString("outputs/x"));
    }

    /** Every real PyTC config loads unchanged; with their bases they are valid. */
    @Test
    void referenceConfigsLoad() throws IOException {
        Path ref = Path.of("../shared/reference/pytc-configs");
        assumeTrue(Files.isDirectory(ref), "../shared is not beside the project");
        try (Stream<Path> files = Files.walk(ref)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                ConfigLoader.merge(null, f, List.of());
            }
        }
        Path jwr = ref.resolve("JWR15");
        for (String file : List.of("JWR15-Synapse-BCE.yaml", "JWR15-Synapse-BCE-DICE.yaml", "JWR15-Synapse-BCE-DICE-Regu.yaml",
                "JWR15-Synapse-Semantic-CE.yaml")) {
            Config c = ConfigLoader.load(jwr.resolve("JWR15-Synapse-Base.yaml"), jwr.resolve(file), List.of());
            assertEquals(3, c.getInt("MODEL.OUT_PLANES"));
        }
        Config ce = ConfigLoader.load(jwr.resolve("JWR15-Synapse-Base.yaml"), jwr.resolve("JWR15-Synapse-Semantic-CE.yaml"), List.of());
        assertEquals(List.of(List.of(List.of(List.of(1.0, 10.0, 10.0)))), ce.get("MODEL.LOSS_KWARGS_VAL"));
        Path cremi = ref.resolve("CREMI");
        Config dt = ConfigLoader.load(cremi.resolve("CREMI-Base.yaml"), cremi.resolve("CREMI-Foreground-DT-UNet.yaml"), List.of());
        assertEquals(List.of("0", "6-2d-4-50"), dt.getStringList("MODEL.TARGET_OPT"));
        assertEquals(3, dt.getPaths("DATASET.IMAGE_NAME").size());
    }

    /** Our own configs are valid and the demo ones read what 'generate' writes by default. */
    @Test
    void projectConfigsAreValid() {
        Path configs = Path.of("configs");
        ConfigLoader.load(configs.resolve("CREMI/CREMI-Base.yaml"), configs.resolve("CREMI/CREMI-Foreground-UNet.yaml"), List.of());
        for (String f : List.of("Polarity-BCE.yaml", "Polarity-Semantic-CE.yaml")) {
            ConfigLoader.load(configs.resolve("Polarity/Polarity-Base.yaml"), configs.resolve("Polarity/" + f), List.of());
        }
        Config cleft = ConfigLoader.load(null, configs.resolve("Demo/Demo-Cleft.yaml"), List.of());
        Config polarity = ConfigLoader.load(null, configs.resolve("Demo/Demo-Polarity.yaml"), List.of());
        assertEquals("datasets/synthetic/", cleft.getString("DATASET.INPUT_PATH"));
        assertEquals(List.of("sample-image.h5"), cleft.getPaths("DATASET.IMAGE_NAME"));
        assertEquals(List.of("sample-clefts.h5"), cleft.getPaths("DATASET.LABEL_NAME"));
        assertEquals(List.of("sample-polarity.h5"), polarity.getPaths("DATASET.LABEL_NAME"));
        assertTrue(polarity.dataset().normalizeSections() && !cleft.dataset().normalizeSections());
    }
}
