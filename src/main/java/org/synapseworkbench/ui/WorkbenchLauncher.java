package org.synapseworkbench.ui;

import javafx.application.Application;

/** Starts the desktop workbench (a main class that is not an {@link Application}, as JavaFX on the class path needs). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
