package org.synapseworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.work.UserException;

/** One training run per output folder, in this process and across processes; a killed holder leaves no lock. */
class OutputFolderLockTest {
    @Test
    void aSecondRunInThisProcessIsRefusedUntilTheFirstEnds(@TempDir Path out) throws Exception {
        try (OutputFolderLock first = OutputFolderLock.acquire(out)) {
            UserException e = assertThrows(UserException.class, () -> OutputFolderLock.acquire(out));
            assertEquals("Another training run is writing into " + out + " (a run of this window or process); wait for it "
                    + "to end or stop it, or set DATASET.OUTPUT_PATH to another folder.", e.getMessage());
            Path other = java.nio.file.Files.createDirectory(out.resolve("other"));
            OutputFolderLock.acquire(other).close(); // another folder is free
        }
        OutputFolderLock.acquire(out).close();
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedAndItsDeathFreesTheFolder(@TempDir Path out) throws Exception {
        assumeTrue(new ProcessBuilder("/usr/bin/python3", "-c", "import fcntl").start().waitFor() == 0, "no python3");
        try (OutputFolderLock mine = OutputFolderLock.acquire(out)) {
            assertTrue(mine != null);
        } // leaves the file saying who held it
        // fcntl locks, as Java's FileChannel.tryLock takes them, held by another process
        String script = "import fcntl, sys, time\n"
                + "f = open(sys.argv[1], 'r+')\n"
                + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
                + "f.seek(0); f.truncate(); f.write('process 4242, started today'); f.flush()\n"
                + "print('locked', flush=True)\n"
                + "time.sleep(60)\n";
        Process holder = new ProcessBuilder("/usr/bin/python3", "-c", script, out.resolve(OutputFolderLock.NAME).toString())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertEquals("locked", line);
            UserException e = assertThrows(UserException.class, () -> OutputFolderLock.acquire(out));
            assertTrue(e.getMessage().startsWith("Another training run is writing into " + out
                    + " (process 4242, started today)"), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(); // kill -9: a crashed run
        }
        OutputFolderLock.acquire(out).close();
    }
}
