package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.Hdf5Volume;

/** The journal brings the edits back after a crash, a cut-off end included. */
class EditJournalTest {
    @TempDir
    Path dir;

    private static long at(EditedLabels l, int z, int y, int x) {
        return l.read(new int[] {z, y, x}, new int[] {1, 1, 1}).getLong(0);
    }

    @Test
    void aReopenedJournalMakesTheSameEditsUndosAndRedos() {
        Path file = dir.resolve("labels.journal");
        EditedLabels l = EditedLabels.open(EditedLabelsTest.base(), file).labels();
        l.set("paint 12", new long[] {l.index(0, 0, 0), l.index(0, 0, 1), l.index(1, 2, 69)}, 12);
        l.set("paint 1234567", new long[] {l.index(0, 2, 3)}, 1_234_567);
        l.undo();
        l.redo();
        l.set("erase", new long[] {l.index(0, 0, 1)}, 0);
        l.undo();
        // no close: a kill leaves the file as it is
        EditedLabels.Reopened again = EditedLabels.open(EditedLabelsTest.base(), file);
        EditedLabels r = again.labels();
        assertFalse(again.journalDamaged());
        assertEquals(l.edits(), r.edits());
        assertEquals(12, at(r, 0, 0, 1), "the erase was undone");
        assertEquals(1_234_567, at(r, 0, 2, 3));
        assertEquals("erase", r.nextRedo().what(), "and can be redone");
        assertTrue(r.redo());
        assertEquals(0, at(r, 0, 0, 1));
        l.journal().close();
        r.journal().close();
    }

    @Test
    void aCutOffEndLosesOnlyTheLastStrokeAndTheJournalGoesOnAfterIt() throws IOException {
        Path file = dir.resolve("labels.journal");
        EditedLabels l = EditedLabels.open(EditedLabelsTest.base(), file).labels();
        l.set("first", new long[] {l.index(0, 1, 1)}, 21);
        long afterFirst = Files.size(file);
        l.set("second", new long[] {l.index(0, 1, 2), l.index(1, 1, 2)}, 22);
        l.journal().close();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) - 3); // the crash came while the second stroke was being written
        }
        EditedLabels.Reopened again = EditedLabels.open(EditedLabelsTest.base(), file);
        assertTrue(again.journalDamaged());
        EditedLabels r = again.labels();
        assertEquals(List.of("first"), r.edits().stream().map(LabelEdit::what).toList());
        assertEquals(21, at(r, 0, 1, 1));
        assertEquals(5, at(r, 0, 1, 2), "the cut stroke is not half made");
        assertEquals(afterFirst, Files.size(file), "the damaged end is cut off before new records");
        r.set("third", new long[] {l.index(1, 0, 0)}, 23);
        r.journal().close();
        EditedLabels.Reopened third = EditedLabels.open(EditedLabelsTest.base(), file);
        assertFalse(third.journalDamaged());
        assertEquals(List.of("first", "third"), third.labels().edits().stream().map(LabelEdit::what).toList());
        third.labels().journal().close();
    }

    @Test
    void aDamagedRecordStopsTheReplayThere() throws IOException {
        Path file = dir.resolve("labels.journal");
        EditedLabels l = EditedLabels.open(EditedLabelsTest.base(), file).labels();
        l.set("first", new long[] {l.index(0, 1, 1)}, 21);
        long afterFirst = Files.size(file);
        l.set("second", new long[] {l.index(0, 1, 2)}, 22);
        l.set("third", new long[] {l.index(0, 1, 3)}, 23);
        l.journal().close();
        byte[] all = Files.readAllBytes(file);
        all[(int) afterFirst + 10] ^= 0x55; // a flipped byte inside the second record
        Files.write(file, all);
        EditJournal.Contents c = EditJournal.read(file, EditedLabelsTest.base().shape());
        assertTrue(c.damaged());
        assertEquals(1, c.entries().size());
        assertEquals(afterFirst, c.validBytes());
    }

    @Test
    void savedCorrectionsAreAnHdf5FileThatReopensWithTheEdits() {
        EditedLabels l = EditedLabels.open(EditedLabelsTest.base(), dir.resolve("labels.journal")).labels();
        l.set("paint", new long[] {l.index(0, 1, 1), l.index(1, 2, 69)}, 30);
        for (CorrectionsWriter.Layout layout : CorrectionsWriter.Layout.values()) {
            Path out = dir.resolve("corrected-" + layout + ".h5");
            CorrectionsWriter.save(l, out, layout);
            try (Hdf5Volume v = Hdf5Volume.open(out, layout.dataset())) {
                assertTrue(v.readAll().contentEquals(l.readAll()), layout + ": every voxel as edited");
                assertEquals(30, v.read(new int[] {1, 2, 69}, new int[] {1, 1, 1}).getLong(0));
                assertEquals(5, v.read(new int[] {0, 0, 0}, new int[] {1, 1, 1}).getLong(0));
                assertArrayEquals(new double[] {40, 4, 4}, v.resolution(), 0);
            }
        }
        l.journal().close();
    }

    @Test
    void otherFilesAndOtherVolumesAreRefusedWithAReason() throws IOException {
        Path junk = dir.resolve("junk.journal");
        Files.writeString(junk, "not a journal at all, but long enough");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EditedLabels.open(EditedLabelsTest.base(), junk));
        assertTrue(e.getMessage().contains("not an edit journal"), e.getMessage());
        Path file = dir.resolve("labels.journal");
        EditJournal.open(file, new int[] {4, 4, 4}).close();
        e = assertThrows(IllegalArgumentException.class, () -> EditedLabels.open(EditedLabelsTest.base(), file));
        assertTrue(e.getMessage().contains("[4, 4, 4]") && e.getMessage().contains("[2, 3, 70]"), e.getMessage());
    }
}
