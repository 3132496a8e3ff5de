package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/** Edits over a label volume, undo and redo, checked voxel by voxel. */
class EditedLabelsTest {

    /** 2 x 3 x 70 voxels (two 64-wide bricks across x), label 5 everywhere except voxel (1, 2, 69) = 9. */
    static InMemoryVolume base() {
        Block b = Block.zeros(DataType.UINT64, 2, 3, 70);
        b.fill(5);
        b.setLong(b.index(1, 2, 69), 9);
        return new InMemoryVolume("labels", b, new double[] {40, 4, 4});
    }

    private static long at(EditedLabels l, int z, int y, int x) {
        return l.read(new int[] {z, y, x}, new int[] {1, 1, 1}).getLong(0);
    }

    @Test
    void editsKeepOnlyWhatTheyChangedAndUndoRedoWalkThem() {
        EditedLabels l = new EditedLabels(base());
        List<int[]> boxes = new ArrayList<>();
        l.addListener(boxes::add);
        // three voxels, one of them twice and one already 7 after the first edit
        LabelEdit first = l.set("paint 7", new long[] {l.index(0, 0, 1), l.index(1, 2, 69), l.index(0, 0, 1)}, 7);
        assertArrayEquals(new long[] {l.index(0, 0, 1), l.index(1, 2, 69)}, first.voxels());
        assertArrayEquals(new long[] {5, 9}, first.before());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 69}, boxes.get(0), "the box the edit touched");
        LabelEdit second = l.set("paint 8", new long[] {l.index(0, 0, 1), l.index(0, 1, 65)}, 8);
        assertArrayEquals(new long[] {7, 5}, second.before(), "the second edit sees the first");
        assertNull(l.set("paint 8 again", new long[] {l.index(0, 1, 65)}, 8), "nothing changed, nothing to undo");
        assertEquals(8, at(l, 0, 0, 1));
        assertEquals(7, at(l, 1, 2, 69));
        assertEquals(8, at(l, 0, 1, 65));

        assertTrue(l.undo());
        assertEquals(7, at(l, 0, 0, 1));
        assertEquals(5, at(l, 0, 1, 65));
        assertTrue(l.undo());
        assertEquals(5, at(l, 0, 0, 1));
        assertEquals(9, at(l, 1, 2, 69), "the file's value is back");
        assertFalse(l.undo(), "nothing left to undo");
        assertTrue(l.redo());
        assertEquals(7, at(l, 0, 0, 1));
        assertEquals(second, l.nextRedo());
        // a new edit after an undo drops the edit undone
        l.set("erase", new long[] {l.index(1, 0, 0)}, 0);
        assertNull(l.nextRedo());
        assertFalse(l.redo());
        assertEquals(List.of("paint 7", "erase"), l.edits().stream().map(LabelEdit::what).toList());
        assertEquals(5, at(l, 0, 1, 65), "the dropped edit is gone");
    }

    @Test
    void regionsAndSampledPlanesShowTheEdits() {
        EditedLabels l = new EditedLabels(base());
        l.set("paint", new long[] {l.index(1, 1, 0), l.index(1, 1, 66), l.index(0, 1, 66)}, 3);
        Block box = l.read(new int[] {1, 0, 60}, new int[] {1, 3, 10});
        assertEquals(3, box.getLong(box.index(0, 1, 6)), "(1, 1, 66) in a box across two bricks");
        assertEquals(9, box.getLong(box.index(0, 2, 9)));
        assertEquals(5, box.getLong(box.index(0, 1, 5)));
        // section 1, rows 0 and 1, columns 0, 33 and 66
        Block s = l.readSampled(0, 1, new int[] {0, 1}, new int[] {0, 33, 66}, null);
        assertArrayEquals(new long[] {5, 5, 5, 3, 5, 3}, s.longs());
        // the xz plane at y = 1: rows z, columns x 64..69
        Block xz = l.readSampled(1, 1, new int[] {0, 1}, new int[] {64, 66, 69}, null);
        assertArrayEquals(new long[] {5, 3, 5, 5, 3, 5}, xz.longs());
        // the file's plane is kept for the next read of it; the edits made since are still laid over it
        long before = l.version();
        l.set("paint", new long[] {l.index(1, 0, 33)}, 4);
        assertTrue(l.version() != before, "an edit changes the version");
        assertArrayEquals(new long[] {5, 4, 5, 3, 5, 3}, l.readSampled(0, 1, new int[] {0, 1}, new int[] {0, 33, 66}, s).longs());
        l.undo();
        assertArrayEquals(new long[] {5, 5, 5, 3, 5, 3}, l.readSampled(0, 1, new int[] {0, 1}, new int[] {0, 33, 66}, null).longs());
    }

    @Test
    void theCorrectionsAreFoundWhereTheyDifferFromTheFile() {
        EditedLabels l = new EditedLabels(base());
        int[] rows = {0, 1, 2};
        int[] cols = {0, 1, 69};
        List<Integer> edited = new ArrayList<>();
        l.set("paint", new long[] {l.index(1, 0, 0), l.index(1, 2, 69)}, 7);
        l.set("paint back", new long[] {l.index(1, 2, 69)}, 9); // the file's value again: no longer a correction
        l.set("paint", new long[] {l.index(1, 1, 1)}, 4);
        Block s = l.readSampled(0, 1, rows, cols, null, edited::add);
        assertArrayEquals(new long[] {7, 5, 5, 5, 4, 5, 5, 5, 9}, s.longs());
        assertEquals(List.of(0, 4), edited.stream().sorted().toList(), "(1, 0, 0) and (1, 1, 1): places 0 and 4");
        l.undo();
        edited.clear();
        l.readSampled(0, 1, rows, cols, null, edited::add);
        assertEquals(List.of(0), edited, "an undone correction is no longer one");
        l.redo();
        edited.clear();
        l.readSampled(0, 0, rows, cols, null, edited::add);
        assertEquals(List.of(), edited, "another section has none");
    }

    @Test
    void valuesMustFitTheLabelsType() {
        Block b = Block.zeros(DataType.UINT8, 1, 2, 2);
        EditedLabels l = new EditedLabels(new InMemoryVolume("small", b, new double[] {1, 1, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.set("paint", new long[] {0}, 256));
        assertTrue(e.getMessage().contains("uint8") && e.getMessage().contains("uint64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.set("paint", new long[] {4}, 1), "outside the volume");
        assertThrows(IllegalArgumentException.class, () -> new EditedLabels(new InMemoryVolume("image",
                Block.zeros(DataType.FLOAT32, 1, 2, 2), new double[] {1, 1, 1})));
    }

    @Test
    void cremiCleftsTakeTheirNoCleftBackground() {
        Block b = Block.zeros(DataType.UINT64, 1, 2, 2);
        b.fill(Cremi.NO_CLEFT);
        b.setLong(1, 5);
        EditedLabels l = new EditedLabels(new InMemoryVolume("clefts", b, new double[] {40, 4, 4}));
        assertEquals(Cremi.NO_CLEFT, Cremi.background(l));
        l.set("erase", new long[] {1}, Cremi.NO_CLEFT);
        assertArrayEquals(new long[] {-1, -1, -1, -1}, l.read(new int[] {0, 0, 0}, new int[] {1, 2, 2}).longs());
        assertEquals(0, Cremi.background(new InMemoryVolume("polarity",
                Block.zeros(DataType.UINT64, 1, 2, 2), new double[] {40, 4, 4})));
    }
}
