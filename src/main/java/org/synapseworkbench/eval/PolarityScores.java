package org.synapseworkbench.eval;

/**
 * Polarity detection scores: whole synapses (pre and post together), and pre and post sides alone, which tell
 * whether the polarity is right.
 */
public record PolarityScores(MatchScores synapses, MatchScores pre, MatchScores post) {
}
