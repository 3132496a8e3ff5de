package org.synapseworkbench.data;

/** Per-voxel loss weights of WEIGHT_OPT "1" (reference section 5). */
public final class Weights {
    private Weights() {
    }

    /**
     * Foreground/background balancing over one sample's whole target: with ww the fraction of non-zero
     * target values clipped to [0.05, 0.95], the minority class gets max(ww, 1-ww) / min(ww, 1-ww) and the
     * other 1; a constant target gets 1 everywhere.
     *
     * @param target values of one sample (any number of channels) starting at {@code offset}
     * @param out receives the weights at the same positions
     */
    public static void binaryRatio(float[] target, int offset, int length, float[] out) {
        long nonZero = 0;
        for (int i = offset; i < offset + length; i++) {
            if (target[i] != 0) {
                nonZero++;
            }
        }
        if (nonZero == 0 || nonZero == length) {
            java.util.Arrays.fill(out, offset, offset + length, 1f);
            return;
        }
        double ww = Math.min(0.95, Math.max(0.05, (double) nonZero / length));
        float factor = (float) (Math.max(ww, 1 - ww) / Math.min(ww, 1 - ww));
        boolean foregroundIsMinority = ww < 0.5;
        for (int i = offset; i < offset + length; i++) {
            boolean fg = target[i] != 0;
            out[i] = fg == foregroundIsMinority ? factor : 1f;
        }
    }
}
