package org.synapseworkbench.cli;

import java.util.Locale;

import picocli.CommandLine.Option;

import org.synapseworkbench.data.TargetKind;
import org.synapseworkbench.post.BlockLabelling;
import org.synapseworkbench.post.Polarity2Instance;
import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Sizes;
import org.synapseworkbench.work.UserException;

/** The options that say how a probability map is cut into instances, shared by postprocess and instances-blocks. */
public final class InstanceOptions {
    @Option(names = "--task", paramLabel = "cleft|polarity",
            description = "What the map holds (default: polarity for 3 channels, cleft for 1).")
    String task;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Probability above which a voxel counts (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--min-size", defaultValue = "128", paramLabel = "VOXELS",
            description = "Drop clefts, or pre and post pieces, smaller than this (default ${DEFAULT-VALUE}, PyTC's thres_small).")
    int minSize;

    @Option(names = "--connectivity", defaultValue = "26", description = "Cleft components: 6 or 26 (default ${DEFAULT-VALUE}).")
    int connectivity;

    @Option(names = "--exclusive", description = "Polarity map of exclusive classes (background, pre, post; TARGET_OPT 1-1). Maps that infer "
            + "wrote say so themselves (attribute channels), and postprocess then cuts them so without it.")
    boolean exclusive;

    @Option(names = "--dilation", defaultValue = "1,5,5", paramLabel = "Z,Y,X",
            description = "Box that joins the pre and post of one synapse (default ${DEFAULT-VALUE}).")
    String dilation;

    @Option(names = "--sides", defaultValue = "thresholds", paramLabel = "thresholds|larger",
            description = "How a synapse voxel gets its side: thresholds (PyTC's: pre and post channels each above --threshold, "
                    + "post where both) or larger (the larger of the two channels wherever the union passes). Default "
                    + "${DEFAULT-VALUE}.")
    String sides;

    @Option(names = "--facing", description = "Polarity: pre voxels behind the post side become post next to it (3 voxels) "
            + "and background farther (not PyTC's; the window does it by default): a synapse's pre side faces its post side, "
            + "and models paint pre around the far edge of a post side they draw too narrow.")
    boolean facing;

    /** One sentence on the first option out of range. */
    void check() {
        if (!(threshold > 0 && threshold < 1)) {
            throw new UserException("--threshold " + threshold + " is not a probability between 0 and 1.");
        }
        if (minSize < 0) {
            throw new UserException("--min-size " + minSize + " is negative; give 0 to keep every piece.");
        }
        if (connectivity != 6 && connectivity != 26) {
            throw new UserException("--connectivity " + connectivity + " is not 6 or 26.");
        }
        sideRule();
    }

    private Polarity2Instance.SideRule sideRule() {
        return sideRule(sides);
    }

    /** The side rule a --sides value names; one sentence for any other value. */
    public static Polarity2Instance.SideRule sideRule(String name) {
        try {
            return Polarity2Instance.SideRule.of(name);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /**
     * Takes --exclusive from the map when it says its channels are background, pre and post (attribute
     * {@code channels}, written by infer and predict-blocks): cut as pre, post and union, its background would be
     * taken for pre.
     */
    void followMap(ChunkedVolume map) {
        if (holdsClasses(map)) {
            exclusive = true;
        }
    }

    /** Whether the map's attribute {@code channels} says it holds exclusive classes (background, pre, post). */
    static boolean holdsClasses(ChunkedVolume map) {
        return TargetKind.ofMap(map) == TargetKind.POLARITY_CLASSES;
    }

    /** "cleft" or "polarity": as asked, else by the map's channels. */
    String kind(int channels) {
        String kind = task != null ? task.toLowerCase(Locale.ROOT) : channels == 3 ? "polarity" : "cleft";
        if (!kind.equals("cleft") && !kind.equals("polarity")) {
            throw new UserException("--task " + task + " is not cleft or polarity.");
        }
        return kind;
    }

    Polarity2Instance.Options polarity() {
        return new Polarity2Instance.Options(exclusive, threshold, minSize, Sizes.parse(dilation), sideRule(), facing);
    }

    /** The block-wise settings for a map of {@code channels}. */
    BlockLabelling.Settings settings(int channels) {
        return kind(channels).equals("polarity") ? BlockLabelling.Settings.polarity(polarity())
                : BlockLabelling.Settings.cleft(threshold, connectivity, minSize);
    }
}
