package org.synapseworkbench.data;

import org.synapseworkbench.volume.ChunkedVolume;
import org.synapseworkbench.volume.Volume;
import org.synapseworkbench.work.UserException;

/**
 * The TARGET_OPT codes the synapse models train on (reference section 5), each turning a label crop into the
 * network's target. Polarity labels keep their parity: pre = odd ids, post = even ids (PyTC's relabelling,
 * which can swap them, is not copied).
 */
public enum TargetKind {
    /** "0": one channel, label > 0. */
    BINARY("0", 1),
    /** "1": three channels, pre (odd), post (even, non-zero) and their union. */
    POLARITY("1", 3),
    /** "1-1": one channel of classes 0 background, 1 pre, 2 post, for cross-entropy over three outputs. */
    POLARITY_CLASSES("1-1", 1);

    public final String code;
    /** Channels of the target array. */
    public final int channels;

    TargetKind(String code, int channels) {
        this.code = code;
        this.channels = channels;
    }

    /** Output channels of the network this target needs. */
    public int outputChannels() {
        return this == BINARY ? 1 : 3;
    }

    /**
     * What the network's output channels hold, as inference records it on the map it writes (attribute
     * {@code channels}), so that post-processing can tell exclusive classes from pre, post and union.
     */
    public String channelNames() {
        return switch (this) {
            case BINARY -> "cleft";
            case POLARITY -> "pre,post,union";
            case POLARITY_CLASSES -> "background,pre,post";
        };
    }

    /** The kind whose {@link #channelNames()} are {@code names}, or null for none. */
    public static TargetKind ofChannelNames(String names) {
        for (TargetKind k : values()) {
            if (k.channelNames().equals(names)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The kind a probability map says its channels hold (attribute {@code channels}, written by infer, predict-blocks
     * and convert), or null when it says nothing.
     */
    public static TargetKind ofMap(Volume map) {
        return map instanceof ChunkedVolume c ? ofChannelNames(c.textAttribute("channels")) : null;
    }

    public static TargetKind of(String code) {
        for (TargetKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new UserException("MODEL.TARGET_OPT \"" + code + "\" is not a synapse target the workbench trains; use \"0\" "
                + "(cleft mask), \"1\" (pre, post, union) or \"1-1\" (exclusive classes).");
    }

    /** Writes the target of {@code label} into {@code out} (channels x voxels, channel-major) at {@code offset}. */
    public void fill(long[] label, float[] out, int offset) {
        int n = label.length;
        switch (this) {
            case BINARY -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i] = label[i] != 0 ? 1f : 0f;
                }
            }
            case POLARITY -> {
                for (int i = 0; i < n; i++) {
                    long v = label[i];
                    boolean pre = (v & 1) == 1;
                    boolean post = v != 0 && !pre;
                    out[offset + i] = pre ? 1f : 0f;
                    out[offset + n + i] = post ? 1f : 0f;
                    out[offset + 2 * n + i] = v != 0 ? 1f : 0f;
                }
            }
            case POLARITY_CLASSES -> {
                for (int i = 0; i < n; i++) {
                    long v = label[i];
                    out[offset + i] = v == 0 ? 0f : (v & 1) == 1 ? 1f : 2f;
                }
            }
        }
    }
}
