package org.synapseworkbench.ui.train;

import javafx.scene.chart.NumberAxis;

/**
 * Keeps a chart axis on round bounds that change only when a value falls outside them, and then grow by half the
 * span, so a curve that gains a point per iteration changes its axis a few dozen times in a long run. A NumberAxis that
 * ranges itself makes new tick labels, with their CSS and text layout, for every point added: 20-40 ms of the JavaFX
 * thread per training iteration here.
 */
public final class SteadyAxis {
    private final NumberAxis axis;
    private final boolean counts;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double[] bounds;

    /** @param counts whether values are counts (iterations): ticks are then whole numbers */
    SteadyAxis(NumberAxis axis, boolean counts) {
        this.axis = axis;
        this.counts = counts;
        axis.setAutoRanging(false);
    }

    /** Forgets the values seen; the axis keeps its bounds until the next value. */
    void reset() {
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        bounds = null;
    }

    /** Widens the axis, if needed, so that it shows {@code value}; NaN and infinities are left out. */
    void include(double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (bounds != null && min >= bounds[0] && max <= bounds[1]) {
            return;
        }
        bounds = bounds(min, max, bounds, counts);
        axis.setLowerBound(bounds[0]);
        axis.setUpperBound(bounds[1]);
        axis.setTickUnit(bounds[2]);
    }

    /**
     * Lower bound, upper bound and tick unit for values from {@code min} to {@code max}: the side that the values left
     * grows by half the span (or half the value when there is no span yet), does not cross zero when no value does, and
     * is rounded to a tick unit of 1, 2 or 5 times a power of ten, about a fifth of the span.
     *
     * @param was the bounds before (null for none): a side that still holds the values stays where it was
     */
    static double[] bounds(double min, double max, double[] was, boolean counts) {
        double span = max - min;
        double grow = span > 0 ? span / 2 : Math.abs(max) > 0 ? Math.abs(max) / 2 : 1;
        double lower = was != null && min >= was[0] ? was[0] : min - grow;
        double upper = was != null && max <= was[1] ? was[1] : max + grow;
        if (min >= 0 && lower < 0) {
            lower = 0;
        }
        if (max <= 0 && upper > 0) {
            upper = 0;
        }
        double unit = roundUnit((upper - lower) / 5);
        if (counts) {
            unit = Math.max(1, unit);
        }
        return new double[] {Math.floor(lower / unit) * unit, Math.ceil(upper / unit) * unit, unit};
    }

    /** The smallest of 1, 2 and 5 times a power of ten that is at least {@code raw}. */
    static double roundUnit(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
