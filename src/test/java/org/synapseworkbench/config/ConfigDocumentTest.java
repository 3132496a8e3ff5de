package org.synapseworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.work.UserException;

/** A config being edited: opened over a base, changed, saved whole or as its difference, rebased. */
class ConfigDocumentTest {

    @Test
    void savesOnlyTheDifferenceFromTheBaseAndReadsItBackTheSame(@TempDir Path dir) throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), "SOLVER:\n  BASE_LR: 0.01\n  NAME: Adam\n");
        Path file = Files.writeString(dir.resolve("file.yaml"), "MODEL:\n  FILTERS: [8, 16, 24, 32, 40]\n");
        ConfigDocument d = ConfigDocument.open(base, file).with("SOLVER.ITERATION_TOTAL", "123", "test");
        assertEquals(0.01, d.config().getDouble("SOLVER.BASE_LR"));
        assertEquals("MODEL:\n  FILTERS: [8, 16, 24, 32, 40]\nSOLVER:\n  ITERATION_TOTAL: 123\n", d.yaml(true));

        Path out = dir.resolve("saved.yaml");
        ConfigDocument saved = d.save(out, true);
        assertEquals(out, saved.file());
        assertEquals(d.yaml(true), Files.readString(out));
        assertEquals(d.config(), ConfigDocument.open(base, out).config(), "saved difference + base = the same config");

        saved.save(out, false);
        assertEquals(d.config(), ConfigDocument.open(null, out).config(), "a whole save needs no base");
        assertTrue(Files.readString(out).contains("  BASE_LR: 0.01\n"));
    }

    @Test
    void aNewBaseKeepsTheChangedValuesAndTakesTheRest(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), "SOLVER:\n  BASE_LR: 0.01\n  NAME: Adam\n");
        Path b = Files.writeString(dir.resolve("b.yaml"), "SOLVER:\n  BASE_LR: 0.5\n  NAME: AdamW\n  ITERATION_TOTAL: 77\n");
        ConfigDocument d = ConfigDocument.open(a, null).with("SOLVER.BASE_LR", 0.02, "test").withBase(b);
        assertEquals(0.02, d.config().getDouble("SOLVER.BASE_LR"), "changed by hand: kept");
        assertEquals("AdamW", d.config().getString("SOLVER.NAME"), "from the old base: follows the new one");
        assertEquals(77, d.config().getInt("SOLVER.ITERATION_TOTAL"));
        assertEquals(b, d.baseFile());
    }

    @Test
    void yamlTextReplacesTheValuesOverTheBaseAndMistakesAreNamed() {
        ConfigDocument d = ConfigDocument.defaults().with("SOLVER.BASE_LR", 0.3, "test");
        ConfigDocument fromText = d.withYaml("MODEL:\n  NORM_MODE: gn\n", "the YAML tab");
        assertEquals("gn", fromText.config().getString("MODEL.NORM_MODE"));
        assertEquals(Config.defaults().getDouble("SOLVER.BASE_LR"), fromText.config().getDouble("SOLVER.BASE_LR"),
                "a key the text no longer sets falls back to the base");
        UserException e = assertThrows(UserException.class, () -> d.withYaml("MODEL:\n  NORM_MOD: gn\n", "the YAML tab"));
        assertEquals("the YAML tab: unknown key MODEL.NORM_MOD; did you mean MODEL.NORM_MODE?", e.getMessage());
    }

    @Test
    void choicesAreOfferedForTheKeysThatHaveThem() {
        assertTrue(ConfigValidator.choices("MODEL.NORM_MODE").containsAll(java.util.List.of("bn", "gn", "in", "none")));
        assertEquals(java.util.List.of("SGD", "Adam", "AdamW"), ConfigValidator.choices("SOLVER.NAME"));
        assertEquals(java.util.List.of(), ConfigValidator.choices("SOLVER.BASE_LR"));
    }
}
