package org.synapseworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.work.UserException;

/** The typed sections read the keys the schema has, with the values the YAML gives. */
class SectionsTest {
    @Test
    void everySectionReadsKeysOfTheSchema() {
        Config c = Config.defaults();
        List<Record> sections = List.of(c.system(), c.dataset(), c.model(), c.solver(), c.augmentor(), c.inference(),
                c.monitor()); // a component that spells no key throws here
        assertEquals(89, sections.stream().mapToInt(r -> r.getClass().getRecordComponents().length).sum());
        assertEquals(4, c.system().numCpus());
        assertEquals(List.of(2, 64, 64), c.dataset().padSize());
        assertEquals(null, c.inference().augViews(), "AUG_NUM None: all views");
        assertTrue(!c.inference().chunkedTitles() && !c.inference().absolutePaths());
        assertTrue(c.solver() == c.solver(), "a section is read once");
    }

    @Test
    void aRequiredKeyThatIsNoneIsNamedWhenItsSectionIsRead() {
        Config c = Config.defaults().with("SOLVER.BASE_LR", null, "test");
        UserException e = assertThrows(UserException.class, c::solver);
        assertTrue(e.getMessage().contains("SOLVER.BASE_LR is None but needs a value"), e.getMessage());
    }

    @Test
    void theDemoConfigReadsTyped() {
        Config c = ConfigLoader.load(null, Path.of("configs/Demo/Demo-Cleft.yaml"), List.of("SOLVER.ITERATION_TOTAL", "7"));
        assertEquals(7, c.solver().iterationTotal());
        assertEquals(c.getIntList("MODEL.INPUT_SIZE"), c.model().inputSize());
        assertEquals(c.getIntList("DATASET.PAD_SIZE"), c.dataset().padSize());
        assertEquals(c.getPaths("DATASET.IMAGE_NAME"), c.dataset().imageName());
        assertEquals(c.getStringList("MODEL.TARGET_OPT"), c.model().targetOpt());
    }
}
