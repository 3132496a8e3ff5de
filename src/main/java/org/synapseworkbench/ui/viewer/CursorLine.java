package org.synapseworkbench.ui.viewer;

import java.util.List;
import java.util.Locale;

import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.volume.Volume;

/** The line under the views that says what is under the mouse. */
final class CursorLine {
    private CursorLine() {
    }

    /** Voxel (z, y, x), its position in nm, the image value and every layer's value there; "" for no voxel. */
    static String describe(Volume image, List<LabelLayer> layers, int[] voxel) {
        if (voxel == null || image == null) {
            return "";
        }
        double[] nm = image.resolution();
        double[] offset = image.offset();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "z %d  y %d  x %d  (%.0f, %.0f, %.0f nm)  image %s",
                voxel[0], voxel[1], voxel[2], offset[0] + voxel[0] * nm[0], offset[1] + voxel[1] * nm[1],
                offset[2] + voxel[2] * nm[2], valueAt(image, voxel)));
        for (LabelLayer layer : layers) {
            long id = layer.labels().read(voxel, new int[] {1, 1, 1}).getLong(0);
            text.append("  ").append(layer.name()).append(' ').append(layer.describe(id));
        }
        return text.toString();
    }

    private static String valueAt(Volume v, int[] voxel) {
        int[] start = v.rank() == 4 ? new int[] {0, voxel[0], voxel[1], voxel[2]} : voxel;
        int[] size = v.rank() == 4 ? new int[] {1, 1, 1, 1} : new int[] {1, 1, 1};
        double value = v.read(start, size).getDouble(0);
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
