package org.synapseworkbench.ui.review;

import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.synapseworkbench.proofread.EditedLabels;
import org.synapseworkbench.proofread.InstancePieces;
import org.synapseworkbench.proofread.ProofreadingHistory;
import org.synapseworkbench.proofread.SynapseIds;
import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.action.KeyBindings;
import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Cremi;

/**
 * Whole-instance edits on the labels under edit, by keys at the mouse (see {@link Action}): take the id under the
 * mouse for painting, delete the instance there, merge a piece into another instance, split a piece off to a new id;
 * and "New id", the largest id plus one (a new synapse's number for polarity) for painting a missed one. An instance
 * is the 26-connected piece under the mouse; for polarity it holds both sides of the synapse, and merging and
 * splitting keep pre on 2n-1 and post on 2n. Each edit is one undo step. The largest id is found on a background
 * thread, the labels being read a slab at a time.
 */
public final class InstanceTools {
    /** A piece larger than this is refused: it is background, or a label that fills the volume. */
    private static final long MAX_PIECE = 20_000_000L;
    private final WorkbenchWindow window;
    private final LabelPainter painter;
    private final ProofreadingHistory history;
    private final Button newId = new Button("New id");
    private final HBox root;
    /** The id of the instance to keep, after the first M of a merge; 0 for none. */
    private long mergeInto;

    InstanceTools(WorkbenchWindow window, LabelPainter painter, ProofreadingHistory history) {
        this.window = window;
        this.painter = painter;
        this.history = history;
        newId.setId("labels-new-id");
        newId.setTooltip(new Tooltip("Paint with an id no instance has yet: the largest plus one "
                + "(a new synapse for polarity)"));
        newId.setOnAction(e -> withNewId(n -> {
            painter.use(painter.kind() == LayerKind.POLARITY ? LabelPainter.Mode.PRE : LabelPainter.Mode.ID, n);
            say(String.format(Locale.ROOT, "Painting %s %d, which no instance has yet.",
                    painter.kind() == LayerKind.POLARITY ? "the pre side of new synapse" : "new id", n));
        }));
        Label keys = new Label("At the mouse: " + Action.PICK_ID.keyText() + " takes its id, "
                + Action.DELETE_INSTANCE.keyText() + " deletes, " + Action.MERGE_INSTANCES.keyText() + " merges (twice), "
                + Action.SPLIT_INSTANCE.keyText() + " splits a piece off, " + Action.SWAP_POLARITY.keyText()
                + " swaps pre and post");
        keys.setWrapText(true);
        root = new HBox(8, newId, keys);
        root.setAlignment(Pos.CENTER_LEFT);
    }

    Region node() {
        return root;
    }

    /** Binds this tool's keys: each acts on the instance under the mouse. */
    void bind(KeyBindings keys) {
        for (Action a : List.of(Action.PICK_ID, Action.DELETE_INSTANCE, Action.MERGE_INSTANCES, Action.SPLIT_INSTANCE,
                Action.SWAP_POLARITY)) {
            keys.on(a, () -> at(window.voxelUnderMouse(), a));
        }
    }

    /** Does {@code action} on the instance at voxel {@code v} (z, y, x); for keys and tests. */
    void at(int[] v, Action action) {
        EditedLabels labels = painter.labels();
        if (labels == null) {
            say("Choose the labels to edit first (Labels, above).");
            return;
        }
        if (v == null) {
            say("Point at an instance in the section first.");
            return;
        }
        long id = labels.read(v, new int[] {1, 1, 1}).getLong(0);
        boolean polarity = painter.kind() == LayerKind.POLARITY;
        String where = String.format(Locale.ROOT, "(z %d, y %d, x %d)", v[0], v[1], v[2]);
        if (!Cremi.isObject(id)) {
            say("There is no instance at " + where + ".");
            return;
        }
        long synapse = SynapseIds.synapse(id);
        try {
            switch (action) {
                case PICK_ID -> {
                    painter.use(!polarity ? LabelPainter.Mode.ID : SynapseIds.isPre(id) ? LabelPainter.Mode.PRE
                            : LabelPainter.Mode.POST, polarity ? synapse : id);
                    say(polarity ? "Painting the " + (SynapseIds.isPre(id) ? "pre" : "post") + " side of synapse "
                            + synapse + "." : "Painting id " + id + ".");
                }
                case DELETE_INSTANCE -> {
                    long[] piece = InstancePieces.piece(labels, v, member(id, polarity), MAX_PIECE);
                    String what = polarity ? "delete synapse " + synapse : "delete " + id;
                    history.beginStroke(what);
                    history.paint(what, piece, painter.background());
                    history.endStroke();
                    say(String.format(Locale.ROOT, "Deleted %s at %s: %d voxels.",
                            polarity ? "synapse " + synapse : "instance " + id, where, piece.length));
                }
                case MERGE_INSTANCES -> merge(labels, v, id, polarity, where);
                case SPLIT_INSTANCE -> {
                    long[] piece = InstancePieces.piece(labels, v, member(id, polarity), MAX_PIECE);
                    withNewId(n -> {
                        relabel(labels, piece, polarity, n, "split off to " + n);
                        say(String.format(Locale.ROOT, "Split %d voxels at %s off to %s %d.", piece.length, where,
                                polarity ? "new synapse" : "new id", n));
                    });
                }
                case SWAP_POLARITY -> swap(labels, v, id, polarity, where);
                default -> throw new IllegalArgumentException(action.name());
            }
        } catch (RuntimeException ex) {
            say(ex.getMessage());
        }
    }

    private void merge(EditedLabels labels, int[] v, long id, boolean polarity, String where) {
        long instance = polarity ? SynapseIds.synapse(id) : id;
        if (mergeInto == 0 || mergeInto == instance) {
            mergeInto = instance;
            say("Merging into " + (polarity ? "synapse " : "instance ") + instance + ": press "
                    + Action.MERGE_INSTANCES.keyText() + " on the piece to join it.");
            return;
        }
        long[] piece = InstancePieces.piece(labels, v, member(id, polarity), MAX_PIECE);
        long into = mergeInto;
        mergeInto = 0;
        relabel(labels, piece, polarity, into, "merge into " + into);
        say(String.format(Locale.ROOT, "Merged %d voxels at %s into %s %d.", piece.length, where,
                polarity ? "synapse" : "instance", into));
    }

    /** Swaps the pre (2n-1) and post (2n) sides of the synapse at {@code v}: one step, undone at once. */
    private void swap(EditedLabels labels, int[] v, long id, boolean polarity, String where) {
        if (!polarity) {
            say("Swapping pre and post needs polarity labels (ids 2n-1 and 2n); choose them under Labels.");
            return;
        }
        long synapse = SynapseIds.synapse(id);
        long[] piece = InstancePieces.piece(labels, v, member(id, true), MAX_PIECE);
        long[] pre = InstancePieces.withIds(labels, piece, SynapseIds::isPre); // both read before either is painted
        long[] post = InstancePieces.withIds(labels, piece, x -> !SynapseIds.isPre(x));
        String what = "swap pre and post of synapse " + synapse;
        history.beginStroke(what);
        try {
            history.paint(what, pre, SynapseIds.post(synapse));
            history.paint(what, post, SynapseIds.pre(synapse));
        } finally {
            history.endStroke();
        }
        say(String.format(Locale.ROOT, "Swapped pre and post of synapse %d at %s: %d and %d voxels.", synapse, where,
                pre.length, post.length));
    }

    /** Gives a piece id {@code n}, or for polarity synapse n's ids, pre to pre and post to post; one undo step. */
    private void relabel(EditedLabels labels, long[] piece, boolean polarity, long n, String what) {
        history.beginStroke(what);
        try {
            if (polarity) {
                history.paint(what, InstancePieces.withIds(labels, piece, SynapseIds::isPre), SynapseIds.pre(n));
                history.paint(what, InstancePieces.withIds(labels, piece, id -> !SynapseIds.isPre(id)), SynapseIds.post(n));
            } else {
                history.paint(what, piece, n);
            }
        } finally {
            history.endStroke();
        }
    }

    /** Ids of the instance {@code id} belongs to: the id, or for polarity both sides of its synapse. */
    private LongPredicate member(long id, boolean polarity) {
        if (!polarity) {
            return v -> v == id;
        }
        long synapse = SynapseIds.synapse(id);
        return v -> Cremi.isObject(v) && SynapseIds.synapse(v) == synapse;
    }

    /** Finds the largest id on a background thread, then gives {@code then} a new id (a new synapse's number). */
    private void withNewId(LongConsumer then) {
        EditedLabels labels = painter.labels();
        if (labels == null) {
            say("Choose the labels to edit first (Labels, above).");
            return;
        }
        boolean polarity = painter.kind() == LayerKind.POLARITY;
        long version = labels.version();
        say("Finding the largest id...");
        newId.setDisable(true);
        JobTask<Long> task = new JobTask<>((progress, control) -> InstancePieces.largestId(labels, control));
        task.setOnSucceeded(e -> {
            newId.setDisable(false);
            long largest = task.getValue();
            if (painter.labels() != labels || labels.version() != version) {
                say("The labels changed while a new id was sought; try again.");
            } else {
                then.accept(polarity ? SynapseIds.newSynapse(largest) : largest + 1);
            }
        });
        task.setOnFailed(e -> {
            newId.setDisable(false);
            say("No new id: " + task.getException().getMessage());
        });
        task.start("largest-id");
    }

    private void say(String text) {
        painter.status().setText(text);
    }
}
