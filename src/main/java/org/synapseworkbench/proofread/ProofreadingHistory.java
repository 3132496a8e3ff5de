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
    private EditedLabels labels;
    private ReviewQueue queue;
    private final List<Step> steps = new ArrayList<>();
    private int applied;

    private sealed interface Step permits LabelStep, DecisionStep {
        String what();
    }

    /** {@code edits} label edits made as one step (a stroke's pieces, painted as the pointer moves). */
    private static final class LabelStep implements Step {
        final String what;
        int edits;

        LabelStep(String what) {
            this.what = what;
        }

        @Override
        public String what() {
            return what;
        }
    }

    /** The stroke being painted, whose pieces join one step, or null. */
    private LabelStep stroke;

    private record DecisionStep(int item, ReviewQueue.Verdict before, ReviewQueue.Verdict after) implements Step {
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

    /** Edits these labels from now on; the steps so far are forgotten (they belonged to other labels). */
    public void setLabels(EditedLabels l) {
        labels = l;
        forget();
    }

    /** Decides in this queue from now on; the steps so far are forgotten. */
    public void setQueue(ReviewQueue q) {
        queue = q;
        forget();
    }

    private void forget() {
        steps.clear();
        applied = 0;
        stroke = null;
    }

    public EditedLabels labels() {
        return labels;
    }

    /**
     * Sets voxels to a value: one step, or a piece of the stroke begun by {@link #beginStroke}. Returns the edit, or
     * null when nothing changed.
     */
    public LabelEdit paint(String what, long[] voxels, long value) {
        LabelEdit e = labels.set(what, voxels, value);
        if (e != null) {
            if (stroke == null) {
                LabelStep step = new LabelStep(what);
                step.edits = 1;
                push(step);
            } else {
                if (stroke.edits == 0) {
                    push(stroke);
                }
                stroke.edits++;
            }
        }
        return e;
    }

    /** Makes the edits until {@link #endStroke} one step (one undo takes back the whole stroke). */
    public void beginStroke(String what) {
        stroke = new LabelStep(what);
    }

    public void endStroke() {
        stroke = null;
    }

    /** Gives an item a status as one step (none when it had that status). */
    public void decide(int item, ReviewQueue.Status status) {
        decide(item, new ReviewQueue.Verdict(status, null));
    }

    /** Gives an item a status and reason as one step (none when it had them). */
    public void decide(int item, ReviewQueue.Verdict verdict) {
        ReviewQueue.Verdict before = queue.decide(item, verdict);
        if (!before.equals(verdict)) {
            push(new DecisionStep(item, before, verdict));
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
        stroke = null;
        Step s = steps.get(--applied);
        if (s instanceof DecisionStep d) {
            queue.decide(d.item(), d.before());
        } else {
            for (int i = 0; i < ((LabelStep) s).edits; i++) {
                labels.undo();
            }
        }
        return true;
    }

    /** Makes the last step taken back again; false when there is none. */
    public boolean redo() {
        if (applied == steps.size()) {
            return false;
        }
        stroke = null;
        Step s = steps.get(applied++);
        if (s instanceof DecisionStep d) {
            queue.decide(d.item(), d.after());
        } else {
            for (int i = 0; i < ((LabelStep) s).edits; i++) {
                labels.redo();
            }
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
