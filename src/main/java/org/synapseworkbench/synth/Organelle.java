package org.synapseworkbench.synth;

/**
 * A small object drawn inside one cell: a vesicle (dark ring, pale core), a mitochondrion (ellipsoid with a
 * dark outline and striped cristae) or a dark granule. Positions and sizes are in nm.
 */
final class Organelle {
    enum Kind { VESICLE, MITOCHONDRION, GRANULE }

    final Kind kind;
    /** Neuron index (0-based) whose cytoplasm holds it; it is not drawn outside that cell. */
    final int cell;
    final double cz;
    final double cy;
    final double cx;
    /** Semi-axes: along the in-plane direction {@code angle}, across it, and in z. */
    final double ra;
    final double rb;
    final double rz;
    final double angle;
    final double strength;

    Organelle(Kind kind, int cell, double cz, double cy, double cx, double ra, double rb, double rz, double angle,
              double strength) {
        this.kind = kind;
        this.cell = cell;
        this.cz = cz;
        this.cy = cy;
        this.cx = cx;
        this.ra = ra;
        this.rb = rb;
        this.rz = rz;
        this.angle = angle;
        this.strength = strength;
    }

    double maxRadius() {
        return Math.max(ra, rb);
    }

    /**
     * Draws into one section's intensities where the voxel belongs to the cell and lies at least
     * {@code faceMargin} nm from its membrane.
     */
    void draw(double zNm, float[] img, int[] cellOf, float[] face, int ny, int nx, double[] res,
              double shiftY, double shiftX, Noise noise) {
        double dzn = (zNm - cz) / rz;
        if (Math.abs(dzn) >= 1) {
            return;
        }
        double r = maxRadius();
        int y0 = Math.max(0, (int) Math.floor((cy - r) / res[1] + shiftY));
        int y1 = Math.min(ny - 1, (int) Math.ceil((cy + r) / res[1] + shiftY));
        int x0 = Math.max(0, (int) Math.floor((cx - r) / res[2] + shiftX));
        int x1 = Math.min(nx - 1, (int) Math.ceil((cx + r) / res[2] + shiftX));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double margin = kind == Kind.MITOCHONDRION ? 22 : 14;
        for (int y = y0; y <= y1; y++) {
            double py = (y - shiftY) * res[1] - cy;
            for (int x = x0; x <= x1; x++) {
                int i = y * nx + x;
                if (cellOf[i] != cell || face[i] < margin) {
                    continue;
                }
                double px = (x - shiftX) * res[2] - cx;
                double u = (px * cos + py * sin) / ra;
                double v = (-px * sin + py * cos) / rb;
                double rho = Math.sqrt(u * u + v * v + (kind == Kind.VESICLE ? 0 : dzn * dzn));
                if (rho >= 1) {
                    continue;
                }
                switch (kind) {
                    case VESICLE -> {
                        double edge = (1 - rho) * ra;
                        img[i] = edge < 4.5 ? (float) (img[i] + (strength - img[i]) * 0.85) : (float) (img[i] * 0.6 + 0.4 * 190);
                    }
                    case MITOCHONDRION -> {
                        double edge = (1 - rho) * Math.min(ra, rb);
                        if (edge < 7) {
                            img[i] = (float) (img[i] + (strength - img[i]) * 0.9);
                        } else {
                            double along = (px * cos + py * sin) + 12 * noise.value(px / 60, py / 60, zNm / 60, 211);
                            double cristae = Math.sin(along * 2 * Math.PI / 42);
                            img[i] = (float) (125 + 20 * cristae);
                        }
                    }
                    case GRANULE -> img[i] = (float) (img[i] - strength * (1 - rho * rho));
                }
            }
        }
    }
}
