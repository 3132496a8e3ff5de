package org.synapseworkbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporaries of killed writers are removed by the next write into their folder; nobody else's files are. */
class AtomicFilesTest {
    @Test
    void theNextWriteRemovesTemporariesOfEndedProcessesOnly(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid(); // ended: its temporaries are leftovers
        long alive = ProcessHandle.current().pid();
        Path deadTmp = Files.writeString(dir.resolve(".checkpoint_000250.ckpt." + dead + "-k3j2h1.tmp"), "half");
        Path liveTmp = Files.writeString(dir.resolve(".result.h5." + alive + "-a1b2c3.tmp"), "being written");
        Path oldTmp = Files.writeString(dir.resolve(".config.yaml.1x2y3z4w5v6u.tmp"), "before PIDs were in the name");
        Files.setLastModifiedTime(oldTmp, FileTime.from(Instant.now().minusSeconds(7200)));
        Path newTmp = Files.writeString(dir.resolve(".other.yaml.9z8y7x.tmp"), "a minute old");
        Path notOurs = Files.writeString(dir.resolve(".notes.txt.tmp~"), "someone else's");
        Path hidden = Files.writeString(dir.resolve(".hidden.tmp"), "no random part");

        AtomicFiles.writeString(dir.resolve("config.yaml"), "SOLVER:\n  BASE_LR: 0.01\n");

        assertFalse(Files.exists(deadTmp));
        assertFalse(Files.exists(oldTmp));
        assertTrue(Files.exists(liveTmp) && Files.exists(newTmp) && Files.exists(notOurs) && Files.exists(hidden));
        assertEquals("SOLVER:\n  BASE_LR: 0.01\n", Files.readString(dir.resolve("config.yaml")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(".hidden.tmp", ".notes.txt.tmp~", ".other.yaml.9z8y7x.tmp", ".result.h5." + alive + "-a1b2c3.tmp",
                    "config.yaml"), s.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary of this write left");
        }
        assertEquals(0, AtomicFiles.removeStale(dir));
    }
}
