package org.synapseworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.work.UserException;

/** The typed sections read the keys the schema has, with the values the YAML gives. */
class SectionsTest {
    @Test
    void everyAccessorReadsAKeyOfTheSchema() throws Exception {
        Config c = Config.defaults();
        int accessors = 0;
        for (Object section : List.of(c.system(), c.dataset(), c.model(), c.solver(), c.augmentor(), c.inference(), c.monitor())) {
            for (Method m : section.getClass().getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 0) {
                    continue;
                }
                accessors++;
                try {
                    m.invoke(section);
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof UserException)) { // a required key that is None by default is fine
                        fail(section.getClass().getSimpleName() + "." + m.getName() + " reads no key of the schema: " + e.getCause());
                    }
                }
            }
        }
        assertTrue(accessors >= 88, "accessors: " + accessors);
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
