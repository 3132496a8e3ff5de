package org.synapseworkbench.ui.viewer;

/**
 * Where a plane of voxels sits in a view: fitted and centred, or zoomed to a number of screen pixels per voxel with
 * the corner of voxel (0, 0) at an origin; rows are drawn {@code aspect} times as tall as columns are wide. It maps
 * view points to voxels and back and says which voxels are in view. No JavaFX: the view's size and the plane's shape
 * are read from the {@link Area} when needed.
 */
final class Viewport {
    /** The view's size in pixels and the plane's shape in voxels (0 rows and columns when there is no plane). */
    interface Area {
        double width();

        double height();

        int rows();

        int cols();

        /** How much taller a row is drawn than a column is wide. */
        double aspect();
    }

    private final Area area;
    /** Screen pixels per voxel, or 0 to fit the view; and voxel (0, 0)'s corner when not fitted. */
    private double zoom;
    private double originX;
    private double originY;

    Viewport(Area area) {
        this.area = area;
    }

    /** Back to the whole plane fitted into the view. */
    void fit() {
        zoom = 0;
    }

    private boolean empty() {
        return area.rows() <= 0 || area.cols() <= 0;
    }

    /** Screen pixels per voxel along a row (1 without a plane). */
    double scale() {
        if (empty()) {
            return 1;
        }
        if (zoom > 0) {
            return zoom;
        }
        double fit = Math.min(area.width() / area.cols(), area.height() / (area.rows() * area.aspect()));
        return fit > 0 ? fit : 1;
    }

    /** Screen pixels per voxel down a column. */
    double rowScale() {
        return scale() * area.aspect();
    }

    /** Where voxel (0, 0)'s corner is in the view, x. */
    double originX() {
        return zoom > 0 ? originX : (area.width() - area.cols() * scale()) / 2;
    }

    /** Where voxel (0, 0)'s corner is in the view, y. */
    double originY() {
        return zoom > 0 ? originY : (area.height() - area.rows() * rowScale()) / 2;
    }

    /** Zooms by {@code factor} (1/64 to 64 pixels per voxel) keeping the point (x, y) of the view where it is. */
    void zoomAt(double factor, double x, double y) {
        if (empty()) {
            return;
        }
        double now = scale();
        double next = Math.max(1.0 / 64, Math.min(64, now * factor));
        double ox = originX();
        double oy = originY();
        originX = x - (x - ox) * next / now;
        originY = y - (y - oy) * next / now;
        zoom = next;
    }

    /** Moves the plane by (dx, dy) pixels; a fitted plane keeps its scale and starts to move. */
    void pan(double dx, double dy) {
        if (empty()) {
            return;
        }
        if (zoom <= 0) {
            double ox = originX();
            double oy = originY();
            zoom = scale();
            originX = ox;
            originY = oy;
        }
        originX += dx;
        originY += dy;
    }

    /** The voxel {row, column} under the point (x, y) of the view, or null outside the plane. */
    int[] rowColAt(double x, double y) {
        if (empty()) {
            return null;
        }
        double col = (x - originX()) / scale();
        double row = (y - originY()) / rowScale();
        if (col < 0 || row < 0 || col >= area.cols() || row >= area.rows()) {
            return null;
        }
        return new int[] {(int) row, (int) col};
    }

    /** The centre {x, y} of the voxel at (row, column) in the view. */
    double[] centreOf(int row, int col) {
        return new double[] {originX() + (col + 0.5) * scale(), originY() + (row + 0.5) * rowScale()};
    }

    /** The voxels in view, {row0, col0, rows, cols}, or null when none are. */
    int[] visibleRegion() {
        if (empty() || !(area.width() > 0) || !(area.height() > 0)) {
            return null;
        }
        double scale = scale();
        double rowScale = rowScale();
        double ox = originX();
        double oy = originY();
        int x0 = (int) Math.max(0, Math.floor(-ox / scale));
        int y0 = (int) Math.max(0, Math.floor(-oy / rowScale));
        int x1 = (int) Math.min(area.cols(), Math.ceil((area.width() - ox) / scale));
        int y1 = (int) Math.min(area.rows(), Math.ceil((area.height() - oy) / rowScale));
        return x1 > x0 && y1 > y0 ? new int[] {y0, x0, y1 - y0, x1 - x0} : null;
    }
}
