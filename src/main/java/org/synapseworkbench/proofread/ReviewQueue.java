package org.synapseworkbench.proofread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import org.synapseworkbench.work.AtomicFiles;

/**
 * What a person checks, in order: the model's detections and the places where it may have missed a synapse, each
 * with a status that the person sets (accept, reject, unsure). Statuses are saved to and loaded from a CSV file that
 * names each item by its kind, id and position, so they survive a new prediction that keeps them; the whole queue can
 * be exported as CSV for a spreadsheet.
 */
public final class ReviewQueue {
    /** Where an item comes from. */
    public enum Kind {
        /** A predicted instance. */
        DETECTION("detection"),
        /** A region in the probability's doubt band with no detection ({@link MissCandidates}). */
        MISS_CANDIDATE("possible miss"),
        /** A ground-truth instance that no detection matches ({@link TruthComparison}). */
        TRUE_MISS("missed (truth)"),
        /** A detection that matches no ground-truth instance. */
        FALSE_DETECTION("false detection (truth)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A person's verdict. */
    public enum Status {
        TO_REVIEW("to review"), ACCEPTED("accepted"), REJECTED("rejected"), UNSURE("unsure");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why an item was rejected, as proofreaders tell detection errors apart. */
    public enum Reason {
        FALSE_DETECTION("false detection"), MERGED("merged synapses"), SPLIT("split synapse"),
        WRONG_POLARITY("wrong polarity (pre and post swapped)"), BAD_MASK("bad mask");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A status and, for a rejection, its reason (null when none was given). */
    public record Verdict(Status status, Reason reason) {
        public Verdict {
            reason = status == Status.REJECTED ? reason : null;
        }

        /** "rejected: wrong polarity (pre and post swapped)", "accepted". */
        public String label() {
            return reason == null ? status.label() : status.label() + ": " + reason.label();
        }
    }

    /**
     * One place to review. {@code id} is the instance id (synapse number for polarity) of a detection, 0 for a
     * candidate; {@code score} orders candidates ({@link MissCandidates.Candidate#score}); a detection's is its voxels.
     */
    public record Item(Kind kind, long id, int[] centre, int[] min, int[] max, long voxels, long preVoxels, long postVoxels,
            double mean, double peak, double score) {
        /** The name an item keeps across sessions: kind, id and centre. */
        String key() {
            return kind.name() + ":" + id + ":" + centre[0] + ":" + centre[1] + ":" + centre[2];
        }
    }

    private final List<Item> items;
    private final Status[] status;
    private final Reason[] reasons;
    private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();

    public ReviewQueue(List<Item> items) {
        this.items = List.copyOf(items);
        status = new Status[items.size()];
        reasons = new Reason[items.size()];
        java.util.Arrays.fill(status, Status.TO_REVIEW);
    }

    /** The detections and the possible misses in review order ({@link #reviewOrder}). */
    public static ReviewQueue of(List<InstanceTable.Instance> detections, List<MissCandidates.Candidate> candidates) {
        return of(detections, candidates, null);
    }

    /**
     * As {@link #of(List, List)}, then, with a comparison against ground truth, its true misses and false detections
     * (largest first).
     */
    public static ReviewQueue of(List<InstanceTable.Instance> detections, List<MissCandidates.Candidate> candidates,
            TruthComparison.Result truth) {
        List<Item> items = reviewOrder(detections, candidates);
        if (truth != null) {
            truth.misses().stream().sorted((a, b) -> Long.compare(b.voxels(), a.voxels()))
                    .forEach(i -> items.add(item(Kind.TRUE_MISS, i)));
            truth.falseDetections().stream().sorted((a, b) -> Long.compare(b.voxels(), a.voxels()))
                    .forEach(i -> items.add(item(Kind.FALSE_DETECTION, i)));
        }
        return new ReviewQueue(items);
    }

    /**
     * The order in which items likely to need a correction come first: detections from the least confident (mean
     * probability, then size, smaller first; id for ties), then the possible misses in their order (likeliest first).
     * Chosen with {@code benchmark proofreading} on validation volumes: ahead of detections by id followed by the
     * misses, and of detections and misses merged by relative rank (possible misses are mostly empty places, so
     * merging them in delayed the false detections).
     */
    static List<Item> reviewOrder(List<InstanceTable.Instance> detections, List<MissCandidates.Candidate> candidates) {
        List<InstanceTable.Instance> doubtFirst = new ArrayList<>(detections);
        doubtFirst.sort(java.util.Comparator.<InstanceTable.Instance>comparingDouble(d -> Double.isNaN(d.mean()) ? 1 : d.mean())
                .thenComparingLong(InstanceTable.Instance::voxels).thenComparingLong(InstanceTable.Instance::id));
        List<Item> items = new ArrayList<>();
        doubtFirst.forEach(d -> items.add(item(Kind.DETECTION, d)));
        for (MissCandidates.Candidate m : candidates) {
            items.add(new Item(Kind.MISS_CANDIDATE, 0, m.peakAt(), m.min(), m.max(), m.voxels(), 0, 0, m.mean(), m.peak(),
                    m.score()));
        }
        return items;
    }

    private static Item item(Kind kind, InstanceTable.Instance d) {
        return new Item(kind, d.id(), d.centre(), d.min(), d.max(), d.voxels(), d.preVoxels(), d.postVoxels(), d.mean(),
                d.peak(), d.voxels());
    }

    public List<Item> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public Status status(int item) {
        return status[item];
    }

    /** Hears the number of every item whose status changed. */
    public void addListener(IntConsumer l) {
        listeners.add(l);
    }

    /** Why an item was rejected, or null. */
    public Reason reason(int item) {
        return reasons[item];
    }

    public Verdict verdict(int item) {
        return new Verdict(status[item], reasons[item]);
    }

    /** Sets an item's status (with no reason); returns the one it had. */
    public Status decide(int item, Status s) {
        return decide(item, new Verdict(s, null)).status();
    }

    /** Sets an item's status and reason; returns the verdict it had (for undo). */
    public Verdict decide(int item, Verdict v) {
        Verdict was = verdict(item);
        status[item] = v.status();
        reasons[item] = v.reason();
        if (!was.equals(v)) {
            listeners.forEach(l -> l.accept(item));
        }
        return was;
    }

    /** Rejections per reason given (those without one are not counted here). */
    public Map<Reason, Integer> reasonCounts() {
        Map<Reason, Integer> c = new EnumMap<>(Reason.class);
        for (Reason r : reasons) {
            if (r != null) {
                c.merge(r, 1, Integer::sum);
            }
        }
        return c;
    }

    /** Items per status. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> c = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            c.put(s, 0);
        }
        for (Status s : status) {
            c.merge(s, 1, Integer::sum);
        }
        return c;
    }

    /** The next item after {@code from} (wrapping) still to review, or -1 when all are done. */
    public int nextToReview(int from) {
        for (int k = 1; k <= items.size(); k++) {
            int i = Math.floorMod(from + k, items.size());
            if (status[i] == Status.TO_REVIEW) {
                return i;
            }
        }
        return -1;
    }

    private static final String HEADER = "kind,id,z,y,x,status,voxels,pre_voxels,post_voxels,mean,peak,score,"
            + "min_z,min_y,min_x,max_z,max_y,max_x,reason";

    /** Writes every item and its status as CSV, atomically (a temporary file renamed into place). */
    public void export(Path file) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < items.size(); i++) {
            Item t = items.get(i);
            b.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%s,%d,%d,%d,%.6g,%.6g,%.6g,%d,%d,%d,%d,%d,%d,%s%n",
                    t.kind().name().toLowerCase(Locale.ROOT), t.id(), t.centre()[0], t.centre()[1], t.centre()[2],
                    status[i].name().toLowerCase(Locale.ROOT), t.voxels(), t.preVoxels(), t.postVoxels(), t.mean(),
                    t.peak(), t.score(), t.min()[0], t.min()[1], t.min()[2], t.max()[0], t.max()[1], t.max()[2],
                    reasons[i] == null ? "" : reasons[i].name().toLowerCase(Locale.ROOT)));
        }
        try {
            AtomicFiles.writeString(file, b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + " (" + e.getMessage() + "); choose a folder you can write to.", e);
        }
    }

    /**
     * Takes the statuses of a CSV written by {@link #export} for the items here with the same kind, id and position;
     * returns how many it matched. Rows of items that are no longer in the queue are ignored.
     */
    public int importStatuses(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The review decisions " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("kind,id,z,y,x,status")) {
            throw new IllegalArgumentException(file + " is not a review file of Synapse Workbench (its first line should be "
                    + "kind,id,z,y,x,status,...); choose a file that Export review wrote.");
        }
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byKey.put(items.get(i).key(), i);
        }
        int matched = 0;
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",");
            if (f.length < 6) {
                continue;
            }
            try {
                String key = Kind.valueOf(f[0].toUpperCase(Locale.ROOT)).name() + ":" + Long.parseLong(f[1]) + ":"
                        + Integer.parseInt(f[2]) + ":" + Integer.parseInt(f[3]) + ":" + Integer.parseInt(f[4]);
                Integer i = byKey.get(key);
                if (i != null) {
                    Reason reason = f.length > 18 && !f[18].isBlank() ? Reason.valueOf(f[18].toUpperCase(Locale.ROOT)) : null;
                    decide(i, new Verdict(Status.valueOf(f[5].toUpperCase(Locale.ROOT)), reason));
                    matched++;
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + (n + 1) + " of " + file + " is not a review row (" + lines.get(n)
                        + "); fix or remove it.", e);
            }
        }
        return matched;
    }
}
