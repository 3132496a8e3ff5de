package org.synapseworkbench.ui.viewer;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/** Two yellow lines across a view, through one point: where the other planes cut this one. */
public final class Crosshair {
    private final Line row = new Line();
    private final Line col = new Line();

    Crosshair() {
        for (Line l : List.of(row, col)) {
            l.setStroke(Color.YELLOW);
            l.setOpacity(0.7);
            l.setMouseTransparent(true);
            l.setManaged(false);
            l.setVisible(false);
        }
    }

    /** The lines, to add to the view. */
    List<Node> nodes() {
        return List.of(row, col);
    }

    /** Draws the lines through {@code centre} across a view of that width and height, or hides them (null). */
    void place(Point2D centre, double width, double height) {
        row.setVisible(centre != null);
        col.setVisible(centre != null);
        if (centre == null) {
            return;
        }
        row.setStartX(0);
        row.setEndX(width);
        row.setStartY(centre.getY());
        row.setEndY(centre.getY());
        col.setStartX(centre.getX());
        col.setEndX(centre.getX());
        col.setStartY(0);
        col.setEndY(height);
    }
}
