package org.synapseworkbench.post;

import java.io.Serializable;

/**
 * What {@link BlockJoin} needs of one labelled block: per kind of piece, the pieces on faces shared with other blocks
 * (their labels in the block, ascending, and their voxels in it), and how many numbered pieces lie wholly inside the
 * block and are kept.
 *
 * @param block the block's number in its grid
 * @param faceLabels per kind, the labels of pieces on shared faces, ascending
 * @param faceSizes per kind, those pieces' voxels in this block
 * @param inside numbered pieces wholly inside the block that are kept
 */
public record BlockSummary(long block, int[][] faceLabels, long[][] faceSizes, long inside) implements Serializable {
}
