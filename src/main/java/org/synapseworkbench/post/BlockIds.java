package org.synapseworkbench.post;

import java.io.Serializable;

/**
 * What a block needs from {@link BlockJoin} to write its labels: the first id of the numbered pieces wholly inside it
 * (numbered on from there in raster order), and per kind the outcome for each of its pieces on shared faces: the final
 * id of a numbered piece (0: dropped), or 1 kept / 0 dropped for pre and post pieces.
 *
 * @param block the block's number in its grid
 * @param firstId the id of the first numbered piece inside the block
 * @param faceLabels per kind, the labels of pieces on shared faces, ascending (as in {@link BlockSummary})
 * @param faceValues per kind, their outcome
 */
public record BlockIds(long block, long firstId, int[][] faceLabels, long[][] faceValues) implements Serializable {
}
