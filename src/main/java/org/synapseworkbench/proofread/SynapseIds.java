package org.synapseworkbench.proofread;

/**
 * Ids of polarity instances, as polarity2instance numbers them: synapse n has its pre-synaptic side as 2n - 1 and its
 * post-synaptic side as 2n, so painting one side of a synapse keeps the pair together.
 */
public final class SynapseIds {
    private SynapseIds() {
    }

    /** The synapse an id belongs to (0 for background). */
    public static long synapse(long id) {
        return (id + 1) / 2;
    }

    public static long pre(long synapse) {
        return 2 * synapse - 1;
    }

    public static long post(long synapse) {
        return 2 * synapse;
    }

    public static boolean isPre(long id) {
        return id > 0 && id % 2 == 1;
    }

    /** The other side of the same synapse. */
    public static long partner(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("background (0) has no partner side");
        }
        return isPre(id) ? id + 1 : id - 1;
    }

    /** The first synapse number above every id in use, whose ids are both free. */
    public static long newSynapse(long largestId) {
        return synapse(Math.max(0, largestId)) + 1;
    }
}
