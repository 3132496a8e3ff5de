package org.synapseworkbench.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.ui.predict.PredictionPanel;
import org.synapseworkbench.ui.train.TrainingPanel;
import org.synapseworkbench.ui.viewer.WorkbenchWindow;

/** The Run and Help menus: training and prediction by key wherever the focus is, the shortcuts and About. */
final class WorkbenchMenus {
    private WorkbenchMenus() {
    }

    /** A menu item for {@code action}, with its first key as the accelerator. */
    static MenuItem item(String title, Action action, Runnable handler) {
        MenuItem item = new MenuItem(title);
        item.setAccelerator(action.keys().get(0));
        item.setOnAction(e -> handler.run());
        return item;
    }

    static Menu run(WorkbenchWindow window, TrainingPanel training, PredictionPanel prediction) {
        MenuItem train = item("Start training", Action.START_TRAINING, () -> {
            window.showPanel("Training");
            training.start(null);
        });
        train.disableProperty().bind(training.runningProperty());
        MenuItem pause = item("Pause or go on", Action.PAUSE_TRAINING, training::togglePause);
        pause.disableProperty().bind(training.runningProperty().not());
        MenuItem stop = item("Stop training", Action.STOP_TRAINING, training::stop);
        stop.disableProperty().bind(training.runningProperty().not());
        MenuItem predict = item("Predict", Action.PREDICT, () -> {
            window.showPanel("Predict");
            prediction.predict();
        });
        return new Menu("Run", null, train, pause, stop, new SeparatorMenuItem(), predict);
    }

    /** Every action in two columns: its keys, and what it does. */
    static GridPane shortcutTable() {
        GridPane table = new GridPane();
        table.setId("shortcut-table");
        table.setHgap(16);
        table.setVgap(3);
        int row = 0;
        for (Action action : Action.values()) {
            Label keys = new Label(action.keyText());
            keys.setStyle("-fx-font-weight: bold;");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label title = new Label(action.title());
            title.setWrapText(true);
            title.setMaxWidth(520);
            table.addRow(row++, keys, title);
        }
        return table;
    }

    static Menu help(WorkbenchWindow window) {
        MenuItem keys = item("Keyboard shortcuts", Action.SHORTCUTS, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.setTitle("Keyboard shortcuts");
            a.setHeaderText("Keyboard shortcuts");
            a.getDialogPane().setContent(shortcutTable());
            a.setResizable(true);
            a.initOwner(window.scene().getWindow());
            a.show();
        });
        MenuItem about = new MenuItem("About Synapse Workbench");
        about.setOnAction(e -> AboutDialog.show(window.scene().getWindow()));
        return new Menu("Help", null, keys, about);
    }
}
