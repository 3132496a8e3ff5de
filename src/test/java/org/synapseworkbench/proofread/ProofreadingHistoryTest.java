package org.synapseworkbench.proofread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Strokes and decisions undone and redone in one timeline. */
class ProofreadingHistoryTest {
    private static long at(EditedLabels l, int z, int y, int x) {
        return l.read(new int[] {z, y, x}, new int[] {1, 1, 1}).getLong(0);
    }

    @Test
    void undoTakesBackTheLastStrokeOrDecisionWhicheverCameLast() {
        EditedLabels labels = new EditedLabels(EditedLabelsTest.base());
        ReviewQueue queue = new ReviewQueue(List.of(new ReviewQueue.Item(ReviewQueue.Kind.MISS_CANDIDATE, 0,
                new int[] {0, 1, 1}, new int[] {0, 1, 1}, new int[] {0, 1, 1}, 1, 0, 0, 0.3, 0.3, 0.3)));
        ProofreadingHistory h = new ProofreadingHistory(labels, queue);
        h.decide(0, ReviewQueue.Status.ACCEPTED);
        h.paint("paint cleft 40", new long[] {labels.index(0, 1, 1)}, 40);
        h.decide(0, ReviewQueue.Status.ACCEPTED); // no change: no step
        assertEquals("paint cleft 40", h.undoName());

        assertTrue(h.undo());
        assertEquals(5, at(labels, 0, 1, 1), "the stroke went first");
        assertEquals(ReviewQueue.Status.ACCEPTED, queue.status(0));
        assertTrue(h.undo());
        assertEquals(ReviewQueue.Status.TO_REVIEW, queue.status(0), "then the decision");
        assertFalse(h.undo());
        assertEquals("accepted (item 1)", h.redoName());
        assertTrue(h.redo());
        assertTrue(h.redo());
        assertEquals(40, at(labels, 0, 1, 1));
        assertNull(h.redoName());

        // a new decision after an undo drops the stroke undone, here and in the labels
        h.undo();
        h.decide(0, ReviewQueue.Status.UNSURE);
        assertNull(h.redoName());
        assertFalse(h.redo());
        h.paint("paint cleft 41", new long[] {labels.index(0, 0, 0)}, 41);
        assertNull(labels.nextRedo(), "the stroke undone before is gone from the labels too");
        h.undo();
        h.undo();
        assertEquals(ReviewQueue.Status.ACCEPTED, queue.status(0));
        assertEquals(5, at(labels, 0, 0, 0));
        assertEquals(5, at(labels, 0, 1, 1));
    }

    @Test
    void theEditsOfOneStrokeAreOneStep() {
        EditedLabels labels = new EditedLabels(EditedLabelsTest.base());
        ProofreadingHistory h = new ProofreadingHistory(labels, null);
        h.beginStroke("paint 50");
        h.paint("paint 50", new long[] {labels.index(0, 0, 0)}, 50);
        h.paint("paint 50", new long[] {labels.index(0, 0, 0)}, 50); // nothing new
        h.paint("paint 50", new long[] {labels.index(0, 0, 1), labels.index(0, 0, 2)}, 50);
        h.endStroke();
        h.paint("paint 51", new long[] {labels.index(1, 0, 0)}, 51);
        assertEquals(3, labels.edits().size(), "the labels keep each piece");
        assertTrue(h.undo());
        assertEquals(5, at(labels, 1, 0, 0));
        assertEquals(50, at(labels, 0, 0, 2));
        assertTrue(h.undo());
        assertEquals(5, at(labels, 0, 0, 0), "the whole stroke went at once");
        assertEquals(5, at(labels, 0, 0, 2));
        assertFalse(h.undo());
        assertTrue(h.redo());
        assertEquals(50, at(labels, 0, 0, 1));
        assertEquals(5, at(labels, 1, 0, 0), "only the stroke came back");
        h.beginStroke("empty");
        h.endStroke();
        assertEquals("paint 50", h.undoName(), "a stroke that changed nothing is no step");
    }
}
