package org.synapseworkbench.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.djl.ndarray.NDArray;

import org.synapseworkbench.work.UserException;

/**
 * Test-time augmentation: each window is also predicted flipped and transposed, every prediction is turned back,
 * and the views are combined voxel by voxel. AUG_NUM None = one view; 4 = flips of x and y; 8 = also the x-y
 * transpose; 16 = also the z flip. AUG_MODE mean, min or max combines them (after each view's activation).
 */
public final class TestTimeAugmentation {
    /** One view of a (n, c, z, y, x) array: axes flipped, then y and x swapped. */
    public record View(boolean flipZ, boolean flipY, boolean flipX, boolean transpose) {
        /** The view of {@code x}. */
        public NDArray apply(NDArray x) {
            NDArray out = flip(x);
            return transpose ? out.transpose(0, 1, 2, 4, 3) : out;
        }

        /** Undoes {@link #apply}. */
        public NDArray invert(NDArray y) {
            return flip(transpose ? y.transpose(0, 1, 2, 4, 3) : y);
        }

        public boolean isIdentity() {
            return !flipZ && !flipY && !flipX && !transpose;
        }

        private NDArray flip(NDArray x) {
            int n = (flipZ ? 1 : 0) + (flipY ? 1 : 0) + (flipX ? 1 : 0);
            if (n == 0) {
                return x;
            }
            int[] axes = new int[n];
            int i = 0;
            if (flipZ) {
                axes[i++] = 2;
            }
            if (flipY) {
                axes[i++] = 3;
            }
            if (flipX) {
                axes[i] = 4;
            }
            return x.flip(axes);
        }
    }

    /** How views are combined. */
    public enum Mode {
        MEAN, MIN, MAX;

        public static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserException("INFERENCE.AUG_MODE " + text + " is not one of mean, min, max.");
            }
        }

        /** Combines two partial results (the mean sums; divide by the view count at the end). */
        NDArray combine(NDArray a, NDArray b) {
            return switch (this) {
                case MEAN -> a.add(b);
                case MIN -> a.minimum(b);
                case MAX -> a.maximum(b);
            };
        }
    }

    private TestTimeAugmentation() {
    }

    /**
     * The views for INFERENCE.AUG_NUM (null or "None": one view).
     */
    public static List<View> views(Integer augNum) {
        int n = augNum == null ? 1 : augNum;
        if (n != 1 && n != 4 && n != 8 && n != 16) {
            throw new UserException("INFERENCE.AUG_NUM " + augNum + " is not one of None, 4, 8, 16.");
        }
        List<View> views = new ArrayList<>();
        for (int z = 0; z < (n == 16 ? 2 : 1); z++) {
            for (int y = 0; y < (n >= 4 ? 2 : 1); y++) {
                for (int x = 0; x < (n >= 4 ? 2 : 1); x++) {
                    for (int t = 0; t < (n >= 8 ? 2 : 1); t++) {
                        views.add(new View(z == 1, y == 1, x == 1, t == 1));
                    }
                }
            }
        }
        return views;
    }

    /**
     * Probabilities of {@code x} (n, c, z, y, x) combined over {@code views}: {@code model} maps an input to activated
     * outputs of the same spatial size.
     */
    public static NDArray predict(NDArray x, List<View> views, Mode mode, java.util.function.UnaryOperator<NDArray> model) {
        NDArray acc = null;
        for (View v : views) {
            NDArray y = v.invert(model.apply(v.apply(x)));
            acc = acc == null ? y : mode.combine(acc, y);
        }
        return mode == Mode.MEAN && views.size() > 1 ? acc.div(views.size()) : acc;
    }
}
