package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.work.UserException;

/** Where a checkpoint is asked for, its output folder means the newest checkpoint in it. */
class CheckpointResolveTest {
    @Test
    void aFolderMeansItsNewestCheckpoint(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("outputs"));
        UserException none = assertThrows(UserException.class, () -> Checkpoint.resolve(out));
        assertTrue(none.getMessage().startsWith("The folder " + out + " holds no checkpoint"), none.getMessage());
        for (String name : new String[] {"checkpoint_000040.ckpt", "checkpoint_000650.ckpt", "checkpoint_000100.ckpt",
            "notes.txt"}) {
            Files.writeString(out.resolve(name), "x");
        }
        assertEquals(out.resolve("checkpoint_000650.ckpt"), Checkpoint.resolve(out));
        Path file = out.resolve("checkpoint_000040.ckpt");
        assertEquals(file, Checkpoint.resolve(file), "a file is itself");
        assertEquals(dir.resolve("missing.ckpt"), Checkpoint.resolve(dir.resolve("missing.ckpt")), "reading it says it is missing");
    }
}
