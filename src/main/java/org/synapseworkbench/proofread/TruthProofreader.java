package org.synapseworkbench.proofread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.InMemoryVolume;

/**
 * A proofreader who knows the answer: walks review items of a polarity prediction and decides each as a careful
 * person would from the ground truth, editing the labels as the Review tab's tools do. A detection that matches a
 * true synapse (IoU above {@code iou}) with each of its sides matching that synapse's side is accepted. Every other
 * detection is rejected with the reason (sides swapped: wrong polarity; no true synapse under it: false detection;
 * over two or more: merged; sharing its synapse with another detection: split; else, a side or the whole drawn
 * wrongly: bad mask) and erased, and the true synapses under it that nothing matches yet are painted in. Masks are
 * checked because the labels are trained on afterwards: accepted masks drawn wrongly would teach the model its own
 * mistakes. A possible miss over a true synapse that nothing matches yet is accepted and the synapse painted in; else
 * rejected.
 * <p>
 * "Painting a synapse from the truth" sets its true pre and post voxels to the ids of a new synapse number, as the
 * brush would with a perfect hand. The labels change in two copies kept alike: {@link EditedLabels} (whose edits
 * "retrain on corrections" samples) and an array for scoring.
 */
public final class TruthProofreader {
    private final int[] shape;
    private final long[] truth;
    private final long[] current;
    private final EditedLabels labels;
    private final double iou;
    /** Each true synapse's voxels, and how many of them are on its pre side. */
    private final Map<Long, long[]> truthVoxels = new HashMap<>();
    private final Map<Long, Long> truePreVoxels = new HashMap<>();
    private long largestId;

    /** What was decided for an item: the verdict, and how many true synapses were painted in for it. */
    public record Decision(ReviewQueue.Verdict verdict, int painted) {
    }

    /**
     * @param predicted the prediction's polarity instances (pre 2n - 1, post 2n), 3-d; not changed
     * @param truth the true polarity labels of the same shape (CREMI's no-label values count as background)
     */
    public TruthProofreader(Block predicted, Block truth, double iou) {
        if (predicted.rank() != 3 || !Arrays.equals(predicted.shape(), truth.shape())) {
            throw new IllegalArgumentException("The prediction " + Arrays.toString(predicted.shape()) + " and the truth "
                    + Arrays.toString(truth.shape()) + " must be 3-d volumes of the same shape.");
        }
        shape = predicted.shape();
        this.iou = iou;
        int n = predicted.size();
        this.truth = new long[n];
        current = new long[n];
        Map<Long, long[]> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long t = truth.getLong(i);
            this.truth[i] = Cremi.isObject(t) ? t : 0;
            long p = predicted.getLong(i);
            current[i] = Cremi.isObject(p) ? p : 0;
            largestId = Math.max(largestId, current[i]);
            if (this.truth[i] != 0) {
                counts.computeIfAbsent(SynapseIds.synapse(this.truth[i]), k -> new long[1])[0]++;
            }
        }
        Map<Long, int[]> filled = new HashMap<>();
        counts.forEach((s, c) -> {
            truePreVoxels.put(s, 0L);
            truthVoxels.put(s, new long[(int) c[0]]);
            filled.put(s, new int[1]);
        });
        for (int i = 0; i < n; i++) {
            if (this.truth[i] != 0) {
                long s = SynapseIds.synapse(this.truth[i]);
                truthVoxels.get(s)[filled.get(s)[0]++] = i;
                if (SynapseIds.isPre(this.truth[i])) {
                    truePreVoxels.merge(s, 1L, Long::sum);
                }
            }
        }
        labels = new EditedLabels(new InMemoryVolume("corrected labels",
                Block.wrap(DataType.UINT64, current.clone(), shape), new double[] {1, 1, 1}));
    }

    /** The labels with every correction made so far (their edits are the corrections). */
    public EditedLabels labels() {
        return labels;
    }

    /** The labels as they are now, as a block (a copy). */
    public Block current() {
        return Block.wrap(DataType.UINT64, current.clone(), shape);
    }

    /** The true synapse numbers. */
    public List<Long> trueSynapses() {
        List<Long> out = new ArrayList<>(truthVoxels.keySet());
        out.sort(Long::compare);
        return out;
    }

    /** Decides one item (a detection by its synapse number, or a possible miss by its box) and edits the labels. */
    public Decision decide(ReviewQueue.Item item) {
        return switch (item.kind()) {
            case DETECTION, FALSE_DETECTION -> detection(item.id());
            case MISS_CANDIDATE, TRUE_MISS -> place(item);
        };
    }

    private Decision detection(long synapse) {
        long pre = SynapseIds.pre(synapse);
        long post = SynapseIds.post(synapse);
        List<Integer> mine = new ArrayList<>();
        long minePre = 0;
        // true synapse -> {voxels shared, on the other side, pre on true pre, post on true post}
        Map<Long, long[]> overlap = new HashMap<>();
        for (int i = 0; i < current.length; i++) {
            if (current[i] == pre || current[i] == post) {
                mine.add(i);
                minePre += current[i] == pre ? 1 : 0;
                long t = truth[i];
                if (t != 0) {
                    long[] o = overlap.computeIfAbsent(SynapseIds.synapse(t), k -> new long[4]);
                    o[0]++;
                    boolean same = (current[i] == pre) == SynapseIds.isPre(t);
                    o[same ? (SynapseIds.isPre(t) ? 2 : 3) : 1]++;
                }
            }
        }
        if (mine.isEmpty()) { // erased meanwhile by other corrections: nothing left to judge
            return new Decision(new ReviewQueue.Verdict(ReviewQueue.Status.REJECTED, ReviewQueue.Reason.FALSE_DETECTION), 0);
        }
        long best = 0;
        long shared = 0;
        for (Map.Entry<Long, long[]> e : overlap.entrySet()) {
            if (e.getValue()[0] > shared) {
                best = e.getKey();
                shared = e.getValue()[0];
            }
        }
        double u = best == 0 ? 0 : (double) shared / (mine.size() + truthVoxels.get(best).length - shared);
        ReviewQueue.Reason reason;
        if (u > iou) {
            long[] o = overlap.get(best);
            long truePre = truePreVoxels.get(best);
            long truePost = truthVoxels.get(best).length - truePre;
            double preIou = (double) o[2] / (minePre + truePre - o[2]);
            double postIou = (double) o[3] / (mine.size() - minePre + truePost - o[3]);
            if (preIou > iou && postIou > iou) {
                return new Decision(new ReviewQueue.Verdict(ReviewQueue.Status.ACCEPTED, null), 0);
            }
            reason = 2 * o[1] > shared ? ReviewQueue.Reason.WRONG_POLARITY : ReviewQueue.Reason.BAD_MASK;
        } else if (best == 0) {
            reason = ReviewQueue.Reason.FALSE_DETECTION;
        } else if (overlap.values().stream().filter(o -> o[0] * 10 >= mine.size()).count() >= 2) {
            reason = ReviewQueue.Reason.MERGED;
        } else if (othersOn(best, pre, post)) {
            reason = ReviewQueue.Reason.SPLIT;
        } else {
            reason = ReviewQueue.Reason.BAD_MASK;
        }
        set("reject: " + reason.label(), mine.stream().mapToLong(Integer::longValue).toArray(), 0);
        int painted = 0;
        for (Long t : overlap.keySet()) {
            if (!matched(t)) {
                paint(t);
                painted++;
            }
        }
        return new Decision(new ReviewQueue.Verdict(ReviewQueue.Status.REJECTED, reason), painted);
    }

    /** Whether a true synapse's voxels hold ids of a detection other than {@code pre}/{@code post}. */
    private boolean othersOn(long trueSynapse, long pre, long post) {
        for (long i : truthVoxels.get(trueSynapse)) {
            long c = current[(int) i];
            if (c != 0 && c != pre && c != post) {
                return true;
            }
        }
        return false;
    }

    private Decision place(ReviewQueue.Item item) {
        int painted = 0;
        for (long t : at(item)) {
            if (!matched(t)) {
                paint(t);
                painted++;
            }
        }
        return painted > 0 ? new Decision(new ReviewQueue.Verdict(ReviewQueue.Status.ACCEPTED, null), painted)
                : new Decision(new ReviewQueue.Verdict(ReviewQueue.Status.REJECTED, ReviewQueue.Reason.FALSE_DETECTION), 0);
    }

    /**
     * The true synapses a person looking at a place would see there: those holding its peak voxel, and those with a
     * tenth or more of their voxels inside its box.
     */
    public List<Long> at(ReviewQueue.Item item) {
        int[] c = item.centre();
        long peak = truth[(c[0] * shape[1] + c[1]) * shape[2] + c[2]];
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : truthVoxels.entrySet()) {
            long inside = 0;
            for (long i : e.getValue()) {
                int x = (int) (i % shape[2]);
                int y = (int) (i / shape[2] % shape[1]);
                int z = (int) (i / ((long) shape[1] * shape[2]));
                if (z >= item.min()[0] && z <= item.max()[0] && y >= item.min()[1] && y <= item.max()[1]
                        && x >= item.min()[2] && x <= item.max()[2]) {
                    inside++;
                }
            }
            if ((peak != 0 && SynapseIds.synapse(peak) == e.getKey()) || inside * 10 >= e.getValue().length) {
                out.add(e.getKey());
            }
        }
        out.sort(Long::compare);
        return out;
    }

    /** Whether some synapse in the labels now matches true synapse {@code t} (IoU above the threshold). */
    private boolean matched(long t) {
        long[] voxels = truthVoxels.get(t);
        Map<Long, long[]> shared = new HashMap<>();
        for (long i : voxels) {
            long c = current[(int) i];
            if (c != 0) {
                shared.computeIfAbsent(SynapseIds.synapse(c), k -> new long[1])[0]++;
            }
        }
        if (shared.isEmpty()) {
            return false;
        }
        Map<Long, long[]> size = new HashMap<>();
        for (long c : current) {
            if (c != 0 && shared.containsKey(SynapseIds.synapse(c))) {
                size.computeIfAbsent(SynapseIds.synapse(c), k -> new long[1])[0]++;
            }
        }
        for (Map.Entry<Long, long[]> e : shared.entrySet()) {
            long n = e.getValue()[0];
            if ((double) n / (size.get(e.getKey())[0] + voxels.length - n) > iou) {
                return true;
            }
        }
        return false;
    }

    /** Paints true synapse {@code t} in as a new synapse of the labels. */
    private void paint(long t) {
        long n = SynapseIds.newSynapse(largestId);
        long[] voxels = truthVoxels.get(t);
        long[] pre = Arrays.stream(voxels).filter(i -> SynapseIds.isPre(truth[(int) i])).toArray();
        long[] post = Arrays.stream(voxels).filter(i -> !SynapseIds.isPre(truth[(int) i])).toArray();
        set("paint the missed synapse (pre)", pre, SynapseIds.pre(n));
        set("paint the missed synapse (post)", post, SynapseIds.post(n));
        largestId = SynapseIds.post(n);
    }

    private void set(String what, long[] voxels, long value) {
        for (long i : voxels) {
            current[(int) i] = value;
        }
        labels.set(what, voxels, value);
    }
}
