package org.synapseworkbench.proofread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Volume;

/**
 * A 3-d label volume as corrected so far: the volume of the file with every edit laid over it, readable like any
 * volume (by the viewer's render thread while a person paints). Edits keep only the voxels they changed; undo and
 * redo walk them, without a limit (a new edit after undos drops those undone, as editors do). With a journal, every
 * edit, undo and redo is written as it happens, and {@link #open} replays it after a crash.
 */
public final class EditedLabels implements Volume {
    private final Volume base;
    private final int[] shape;
    private final VoxelOverlay overlay;
    private final List<LabelEdit> history = new ArrayList<>();
    private int applied;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Consumer<int[]>> listeners = new CopyOnWriteArrayList<>();
    private EditJournal journal;
    /** Changes with every edit, undo and redo. */
    private volatile long version;
    /** The file's voxels of the last planes read sampled (one per view), keyed by what was asked. */
    private final java.util.LinkedHashMap<PlaneKey, Block> sampledBase = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<PlaneKey, Block> eldest) {
            return size() > 3;
        }
    };

    /** A sampled plane as {@link #readSampled} is asked for it. */
    private record PlaneKey(int axis, int index, int[] rows, int[] cols) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PlaneKey k && k.axis == axis && k.index == index && Arrays.equals(k.rows, rows)
                    && Arrays.equals(k.cols, cols);
        }

        @Override
        public int hashCode() {
            return (31 * (31 * axis + index) + Arrays.hashCode(rows)) * 31 + Arrays.hashCode(cols);
        }
    }

    /** Corrections of {@code base}, none yet, kept in memory only. */
    public EditedLabels(Volume base) {
        if (base.rank() != 3 || base.type().isFloating()) {
            throw new IllegalArgumentException(base.name() + " is not a 3-d volume of whole-number labels ("
                    + Arrays.toString(base.shape()) + ", " + base.type() + "); labels are edited in (z, y, x) volumes of ids.");
        }
        this.base = base;
        shape = base.shape();
        overlay = new VoxelOverlay(shape);
    }

    /**
     * Corrections of {@code base} journalled to {@code journalFile}: the edits an existing journal holds are made again
     * (all of them after a crash; a record cut short at the end is left out), and new ones are added to it.
     *
     * @return the labels, and whether the journal's end was damaged (its last, unfinished stroke is lost)
     */
    public static Reopened open(Volume base, java.nio.file.Path journalFile) {
        EditedLabels labels = new EditedLabels(base);
        boolean damaged = false;
        if (java.nio.file.Files.exists(journalFile)) {
            EditJournal.Contents c = EditJournal.read(journalFile, base.shape());
            damaged = c.damaged();
            for (EditJournal.Entry e : c.entries()) {
                if (e instanceof EditJournal.Edit edit) {
                    labels.record(edit.edit());
                } else if (e instanceof EditJournal.Undo) {
                    labels.undo();
                } else {
                    labels.redo();
                }
            }
        }
        labels.journal = EditJournal.open(journalFile, base.shape());
        return new Reopened(labels, damaged);
    }

    /** What {@link #open} found. */
    public record Reopened(EditedLabels labels, boolean journalDamaged) {
    }

    /** Hears of every change with the box it touched: {z0, y0, x0, z1, y1, x1}, inclusive. */
    public void addListener(Consumer<int[]> l) {
        listeners.add(l);
    }

    /**
     * Sets {@code voxels} (linear indices, any order, repeats allowed) to {@code value} as one edit named
     * {@code what}; returns it, or null when every voxel had that value already (nothing to undo then).
     */
    public LabelEdit set(String what, long[] voxels, long value) {
        checkValue(value);
        long[] v = Arrays.stream(voxels).sorted().distinct().toArray();
        if (v.length == 0) {
            return null;
        }
        long total = (long) shape[0] * shape[1] * shape[2];
        if (v[0] < 0 || v[v.length - 1] >= total) {
            throw new IllegalArgumentException("voxel index " + (v[0] < 0 ? v[0] : v[v.length - 1]) + " lies outside "
                    + Arrays.toString(shape));
        }
        long[] now = valuesAt(v);
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (now[i] != value) {
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        long[] changed = new long[n];
        long[] before = new long[n];
        long[] after = new long[n];
        for (int i = 0, j = 0; i < v.length; i++) {
            if (now[i] != value) {
                changed[j] = v[i];
                before[j] = now[i];
                after[j++] = value;
            }
        }
        LabelEdit e = new LabelEdit(what, changed, before, after);
        record(e);
        if (journal != null) {
            journal.edit(e);
        }
        return e;
    }

    private void record(LabelEdit e) {
        lock.writeLock().lock();
        try {
            history.subList(applied, history.size()).clear();
            history.add(e);
            applied++;
            write(e.voxels(), e.after(), e.before());
        } finally {
            lock.writeLock().unlock();
        }
        changed(e);
    }

    /** Takes back the last edit in effect; false when there is none. */
    public boolean undo() {
        LabelEdit e;
        lock.writeLock().lock();
        try {
            if (applied == 0) {
                return false;
            }
            e = history.get(--applied);
            write(e.voxels(), e.before(), e.before());
        } finally {
            lock.writeLock().unlock();
        }
        if (journal != null) {
            journal.undo();
        }
        changed(e);
        return true;
    }

    /** Makes the last undone edit again; false when there is none. */
    public boolean redo() {
        LabelEdit e;
        lock.writeLock().lock();
        try {
            if (applied == history.size()) {
                return false;
            }
            e = history.get(applied++);
            write(e.voxels(), e.after(), e.before());
        } finally {
            lock.writeLock().unlock();
        }
        if (journal != null) {
            journal.redo();
        }
        changed(e);
        return true;
    }

    /** The edit that {@link #undo} would take back, or null. */
    public LabelEdit nextUndo() {
        lock.readLock().lock();
        try {
            return applied == 0 ? null : history.get(applied - 1);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The edit that {@link #redo} would make again, or null. */
    public LabelEdit nextRedo() {
        lock.readLock().lock();
        try {
            return applied == history.size() ? null : history.get(applied);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The edits in effect, oldest first. */
    public List<LabelEdit> edits() {
        lock.readLock().lock();
        try {
            return List.copyOf(history.subList(0, applied));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The journal edits go to, or null. */
    public EditJournal journal() {
        return journal;
    }

    /** Values now at sorted voxel indices: the file's, read once over their bounding box, under the edits. */
    private long[] valuesAt(long[] sorted) {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (long index : sorted) {
            int[] p = position(index);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p[a]);
                hi[a] = Math.max(hi[a], p[a]);
            }
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        Block box = base.read(lo, size);
        long[] out = new long[sorted.length];
        lock.readLock().lock();
        try {
            for (int i = 0; i < sorted.length; i++) {
                int[] p = position(sorted[i]);
                long file = box.getLong(((p[0] - lo[0]) * size[1] + p[1] - lo[1]) * size[2] + p[2] - lo[2]);
                out[i] = overlay.get(sorted[i], file);
            }
        } finally {
            lock.readLock().unlock();
        }
        return out;
    }

    /** Writes values; {@code before}, the values they replace, are the file's where a voxel is first edited. */
    private void write(long[] voxels, long[] values, long[] before) {
        for (int i = 0; i < voxels.length; i++) {
            overlay.put(voxels[i], values[i], before[i]);
        }
        version++;
    }

    @Override
    public long version() {
        return version;
    }

    private void changed(LabelEdit e) {
        if (listeners.isEmpty() || e.size() == 0) {
            return;
        }
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        for (long index : e.voxels()) {
            int[] p = position(index);
            for (int a = 0; a < 3; a++) {
                box[a] = Math.min(box[a], p[a]);
                box[a + 3] = Math.max(box[a + 3], p[a]);
            }
        }
        listeners.forEach(l -> l.accept(box.clone()));
    }

    /** (z, y, x) of a linear index. */
    public int[] position(long index) {
        return Volume.position(shape, index);
    }

    /** The linear index of (z, y, x). */
    public long index(int z, int y, int x) {
        return ((long) z * shape[1] + y) * shape[2] + x;
    }

    private void checkValue(long value) {
        DataType t = base.type();
        boolean fits = switch (t) {
            case UINT8 -> value >= 0 && value <= 0xFF;
            case INT8 -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case UINT16 -> value >= 0 && value <= 0xFFFF;
            case INT16 -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case UINT32 -> value >= 0 && value <= 0xFFFFFFFFL;
            case INT32 -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> true;   // 64 bits hold any id, CREMI's no-cleft (2^64 - 1) and ignore included
        };
        if (!fits) {
            throw new IllegalArgumentException("Label " + value + " does not fit the " + t.name().toLowerCase()
                    + " labels of " + base.name() + "; save the labels as uint64 to use larger ids.");
        }
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public DataType type() {
        return base.type();
    }

    @Override
    public int[] chunkShape() {
        return base.chunkShape();
    }

    @Override
    public double[] resolution() {
        return base.resolution();
    }

    @Override
    public boolean resolutionStored() {
        return base.resolutionStored();
    }

    @Override
    public double[] offset() {
        return base.offset();
    }

    @Override
    public Block read(int[] start, int[] size) {
        return read(start, size, null);
    }

    @Override
    public Block read(int[] start, int[] size, Block reuse) {
        Block b = base.read(start, size, reuse);
        lock.readLock().lock();
        try {
            overlay.patch(b, start, size);
        } finally {
            lock.readLock().unlock();
        }
        return b;
    }

    /**
     * The file's voxels, kept for the last three planes asked for (the viewer's three views), laid over with the
     * edits: redrawing a view after a stroke reads only the edits.
     */
    @Override
    public Block readSampled(int axis, int index, int[] rows, int[] cols, Block reuse) {
        return readSampled(axis, index, rows, cols, reuse, null);
    }

    /**
     * As {@link #readSampled(int, int, int[], int[], Block)}, telling {@code edited} (null: not wanted) the places in
     * the block of the voxels that differ from the file: a person's corrections, found from the edits alone.
     */
    public Block readSampled(int axis, int index, int[] rows, int[] cols, Block reuse, java.util.function.IntConsumer edited) {
        PlaneKey key = new PlaneKey(axis, index, rows, cols);
        Block file;
        synchronized (sampledBase) {
            file = sampledBase.get(key);
        }
        if (file == null) {
            file = base.readSampled(axis, index, rows, cols, null);
            synchronized (sampledBase) {
                sampledBase.put(key, file);
            }
        }
        Block b = Block.reusing(reuse, file.type(), rows.length, cols.length);
        System.arraycopy(file.data(), 0, b.data(), 0, file.size());
        lock.readLock().lock();
        try {
            overlay.patchSampled(b, axis, index, rows, cols, edited);
        } finally {
            lock.readLock().unlock();
        }
        return b;
    }
}
