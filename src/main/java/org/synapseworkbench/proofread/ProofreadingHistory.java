package org.synapseworkbench.proofread;

import java.util.ArrayList;
import java.util.List;

/**
 * One undo timeline for a proofreading session: label edits and review decisions in the order they were made, so
 * Ctrl+Z takes back the last of either. Label edits keep their own voxels in {@link EditedLabels} (and its journal);
 * this remembers which kind of step came when, and a decision's status before and after. All label edits and
 * decisions of the session go through here.
 */
public final class ProofreadingHistory {
    private final EditedLabels labels;
    private final ReviewQueue queue;
    private final List<Step> steps = new ArrayList<>();
    private int applied;

    private sealed interface Step permits LabelStep, DecisionStep {
        String what();
    }

    private record LabelStep(String what) implements Step {
    }

    private record DecisionStep(int item, ReviewQueue.Status before, ReviewQueue.Status after) implements Step {
        @Override
        public String what() {
            return after.label() + " (item " + (item + 1) + ")";
        }
    }

    /** @param labels the labels being corrected (null when only decisions are made); @param queue may be null too */
    public ProofreadingHistory(EditedLabels labels, ReviewQueue queue) {
        this.labels = labels;
        this.queue = queue;
    }

    /** Sets voxels to a value as one step; returns the edit, or null when nothing changed (no step then). */
    public LabelEdit paint(String what, long[] voxels, long value) {
        LabelEdit e = labels.set(what, voxels, value);
        if (e != null) {
            push(new LabelStep(what));
        }
        return e;
    }

    /** Gives an item a status as one step (none when it had that status). */
    public void decide(int item, ReviewQueue.Status status) {
        ReviewQueue.Status before = queue.decide(item, status);
        if (before != status) {
            push(new DecisionStep(item, before, status));
        }
    }

    private void push(Step s) {
        steps.subList(applied, steps.size()).clear();
        steps.add(s);
        applied++;
    }

    /** Takes back the last step; false when there is none. */
    public boolean undo() {
        if (applied == 0) {
            return false;
        }
        Step s = steps.get(--applied);
        if (s instanceof DecisionStep d) {
            queue.decide(d.item(), d.before());
        } else {
            labels.undo();
        }
        return true;
    }

    /** Makes the last step taken back again; false when there is none. */
    public boolean redo() {
        if (applied == steps.size()) {
            return false;
        }
        Step s = steps.get(applied++);
        if (s instanceof DecisionStep d) {
            queue.decide(d.item(), d.after());
        } else {
            labels.redo();
        }
        return true;
    }

    /** What undo would take back ("paint cleft 12", "accepted (item 3)"), or null. */
    public String undoName() {
        return applied == 0 ? null : steps.get(applied - 1).what();
    }

    /** What redo would make again, or null. */
    public String redoName() {
        return applied == steps.size() ? null : steps.get(applied).what();
    }
}
