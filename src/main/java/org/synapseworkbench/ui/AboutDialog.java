package org.synapseworkbench.ui;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import org.synapseworkbench.ui.task.JobTask;
import org.synapseworkbench.workflow.SystemReport;

/**
 * Help &gt; About: the facts of {@code synapse-workbench doctor} ({@link SystemReport}) for this window's process, with a
 * button that copies them for a bug report. Gathered in the background: the first time, the engine loads.
 */
public final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner) {
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        facts.setPadding(new Insets(4));
        facts.add(new Label("Looking at this system (the engine may take a few seconds to load)..."), 0, 0, 2, 1);
        ScrollPane scroll = new ScrollPane(facts);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(780, 380);
        StringBuilder text = new StringBuilder();
        ButtonType copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", copy, ButtonType.CLOSE);
        a.setTitle("About Synapse Workbench");
        a.setHeaderText("Synapse Workbench: what it runs on");
        a.getDialogPane().setContent(scroll);
        a.setResizable(true);
        a.initOwner(owner);
        a.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.toString());
            Clipboard.getSystemClipboard().setContent(content);
            e.consume(); // copying keeps the dialog open
        });
        JobTask<SystemReport> gather = new JobTask<>((progress, control) -> SystemReport.gather());
        gather.setOnSucceeded(e -> {
            facts.getChildren().clear();
            int row = 0;
            for (SystemReport.Fact f : gather.getValue().facts()) {
                Label label = new Label(f.label());
                label.setStyle("-fx-font-weight: bold;");
                label.setMinWidth(Region.USE_PREF_SIZE);
                Label value = new Label(f.value());
                value.setWrapText(true);
                value.setId("about-" + f.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
                facts.addRow(row++, label, value);
                GridPane.setValignment(label, VPos.TOP);
            }
            text.append(gather.getValue().text());
        });
        gather.setOnFailed(e -> {
            facts.getChildren().setAll(new Label("Could not look at this system: " + gather.getException().getMessage()));
        });
        gather.start("about");
        a.show();
    }
}
