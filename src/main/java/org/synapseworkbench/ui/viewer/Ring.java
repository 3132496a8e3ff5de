package org.synapseworkbench.ui.viewer;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** An orange circle around the item under review: a thin outline that leaves the cleft inside it in view. */
public final class Ring {
    private final Circle circle = new Circle();

    Ring() {
        circle.setId("review-ring");
        circle.setFill(null);
        circle.setStroke(Color.ORANGE);
        circle.setStrokeWidth(2);
        circle.getStrokeDashArray().setAll(6.0, 4.0);
        circle.setMouseTransparent(true);
        circle.setManaged(false);
        circle.setVisible(false);
    }

    Node node() {
        return circle;
    }

    /** Draws the ring around {@code centre} with a radius in screen pixels, or hides it (null). */
    void place(Point2D centre, double radius) {
        circle.setVisible(centre != null);
        if (centre != null) {
            circle.setCenterX(centre.getX());
            circle.setCenterY(centre.getY());
            circle.setRadius(Math.max(6, radius));
        }
    }
}
