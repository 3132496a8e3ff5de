package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.work.UserException;

/** Whole-volume work refused before it starts, with the numbers that do not fit. */
class MemoryBudgetTest {
    @Test
    void tooManyVoxelsForOneArrayOrForTheMemoryAreRefused() {
        MemoryBudget.require("work", "v", new int[] {10, 100, 100}, 10, 1_000_000, "crop it.");
        UserException memory = assertThrows(UserException.class,
                () -> MemoryBudget.require("work", "v", new int[] {10, 100, 100}, 10, 500_000, "crop it."));
        assertEquals("work: v ([10, 100, 100], 100,000 voxels) needs about 976.6 KB, but this Java process may use 488.3 KB "
                + "more; crop it.", memory.getMessage());
        UserException array = assertThrows(UserException.class,
                () -> MemoryBudget.require("work", "v", new int[] {3, 1000, 1000, 1000}, 1, Long.MAX_VALUE, "crop it."));
        assertEquals("work, but v ([3, 1000, 1000, 1000], 1,000,000,000 voxels) is larger than one piece can be "
                + "(2,147,483,639 values); crop it.", array.getMessage());
        assertEquals("1.5 GB", MemoryBudget.bytes(1.5 * (1 << 30)));
    }
}
