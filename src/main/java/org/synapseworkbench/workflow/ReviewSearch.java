package org.synapseworkbench.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.synapseworkbench.proofread.InstanceTable;
import org.synapseworkbench.proofread.MissCandidates;
import org.synapseworkbench.proofread.ReviewQueue;
import org.synapseworkbench.proofread.TruthComparison;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Progress;

/**
 * The Review tab's search, headless: measures every detection of an instance volume against its probabilities, looks
 * for places where the probability rises between two thresholds with no detection (possible misses), compares with
 * true labels when there are some, and makes one review queue of it all, taking back the decisions saved for the
 * same instances before.
 */
public final class ReviewSearch {
    private final MissCandidates misses;

    /** What a search found; {@code restored} decisions of before came back, or {@code unreadable} says why not. */
    public record Result(ReviewQueue queue, int detections, int possibleMisses, TruthComparison.Result compared, int restored,
            String unreadable, boolean cancelled, double seconds) {
        /** One sentence for the user, e.g. "12 detections, 3 possible misses, 1 true misses, 0 false detections in 0.4 s." */
        public String summary() {
            return String.format(Locale.ROOT, "%s%d detections, %d possible misses%s in %.1f s%s.",
                    cancelled ? "Cancelled; so far: " : "", detections, possibleMisses,
                    compared == null ? "" : ", " + compared.misses().size() + " true misses, "
                            + compared.falseDetections().size() + " false detections", seconds,
                    restored > 0 ? "; " + restored + (restored == 1 ? " decision of before is back" : " decisions of before are back")
                            : unreadable != null ? "; the decisions of before were not read: " + unreadable : "");
        }
    }

    /**
     * A search for misses between the probabilities {@code low} and {@code high}.
     *
     * @throws IllegalArgumentException with a sentence for the user when the thresholds make no sense
     */
    public ReviewSearch(double low, double high) {
        misses = new MissCandidates(low, high, 10);
    }

    /**
     * Runs the search on the probability of a synapse in {@code probabilities} (see {@link SynapseProbabilityView}).
     * {@code progress} hears both steps as one count of sections, 2 per section, under the step's name
     * ({@link InstanceTable#MEASURING}, then {@link MissCandidates#SEARCHING}); {@code cancel} is asked between
     * sections, and a cancelled search returns what it has found so far.
     *
     * @param truth true labels to compare with, or null
     * @param decisions the CSV file of earlier decisions for these instances (read when it exists), or null
     */
    public Result run(Volume probabilities, Volume instances, Volume truth, boolean polarity, Path decisions, Progress progress,
            Cancellation cancel) {
        long t0 = System.nanoTime();
        long sections = instances.spatialShape()[0];
        Volume synapse = SynapseProbabilityView.of(probabilities);
        progress.update(InstanceTable.MEASURING, 0, 2 * sections, 0);
        List<InstanceTable.Instance> found = InstanceTable.measure(instances, synapse, polarity,
                (task, done, total, s) -> progress.update(task, done, 2 * sections, (System.nanoTime() - t0) / 1e9), cancel);
        progress.update(MissCandidates.SEARCHING, sections, 2 * sections, (System.nanoTime() - t0) / 1e9);
        List<MissCandidates.Candidate> candidates = misses.find(synapse, instances,
                (task, done, total, s) -> progress.update(task, sections + done, 2 * sections, (System.nanoTime() - t0) / 1e9),
                cancel);
        TruthComparison.Result compared = truth == null ? null : TruthComparison.compare(instances, truth, polarity, 0.5, cancel);
        ReviewQueue queue = ReviewQueue.of(found, candidates, compared);
        int restored = 0;
        String unreadable = null;
        try {
            if (decisions != null && Files.exists(decisions)) {
                queue.importStatuses(decisions);
            }
            restored = queue.size() - queue.counts().get(ReviewQueue.Status.TO_REVIEW);
        } catch (RuntimeException e) { // the search stands; the decisions of before do not
            unreadable = e.getMessage();
        }
        return new Result(queue, found.size(), candidates.size(), compared, restored, unreadable, cancel.isCancelled(),
                (System.nanoTime() - t0) / 1e9);
    }
}
