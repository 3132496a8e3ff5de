package org.synapseworkbench.ui.viewer;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds one part of the window so that changes inside it are laid out inside it. JavaFX lays out again every
 * ancestor of a node whose size may have changed, up to the window's root, unless a node on the way is unmanaged; the
 * content here is unmanaged and sized to this region. A training iteration that changes three labels and a chart then
 * costs the layout of the training panel, not of the split panes and views of the whole window. The sizes asked of
 * this region are the content's, as of when its parent asks.
 */
public final class LayoutBoundary extends Region {
    private final Node content;

    LayoutBoundary(Node content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
    }

    Node content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return content.maxWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return content.maxHeight(width);
    }
}
