package org.synapseworkbench.ui.action;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard action of the window, with its name and default keys, in one place: the section view's key handler,
 * the menus' accelerators and the Help menu's list of shortcuts all read them from here. Keys without modifiers
 * match only when no modifier is held (so Ctrl+0 is not 0).
 */
public enum Action {
    NEXT_SECTION("Next section (also the mouse wheel)", key(KeyCode.PAGE_DOWN), key(KeyCode.DOWN)),
    PREVIOUS_SECTION("Previous section (also the mouse wheel)", key(KeyCode.PAGE_UP), key(KeyCode.UP)),
    ZOOM_IN("Zoom in around the middle (Ctrl+wheel: around the mouse)", key(KeyCode.PLUS), key(KeyCode.EQUALS),
            key(KeyCode.ADD), new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHIFT_DOWN)),
    ZOOM_OUT("Zoom out around the middle", key(KeyCode.MINUS), key(KeyCode.SUBTRACT)),
    ONE_TO_ONE("One voxel per screen pixel", ctrl(KeyCode.DIGIT0), ctrl(KeyCode.NUMPAD0)),
    FIT("Fit the section into the view (drag to move it)", key(KeyCode.F)),
    AUTO_CONTRAST("Auto-contrast from the section's percentiles", key(KeyCode.A)),
    TOGGLE_LAYER("Show or hide label layer 1 ... 9", digits()),
    OPEN_IMAGE("Open an image", ctrl(KeyCode.O)),
    ADD_LABELS("Add labels over the image", ctrl(KeyCode.L)),
    SAVE_CONFIG("Save the config (Config tab)", ctrl(KeyCode.S)),
    APPLY_YAML("Apply the YAML text (YAML tab)", ctrl(KeyCode.ENTER)),
    START_TRAINING("Start training from new weights (Training tab)", ctrl(KeyCode.T)),
    PAUSE_TRAINING("Pause training, or go on", ctrl(KeyCode.P)),
    STOP_TRAINING("Stop training and write a checkpoint", shiftCtrl(KeyCode.T)),
    PREDICT("Predict the open image (Predict tab)", ctrl(KeyCode.R)),
    REVIEW_ACCEPT("Review: accept the item shown, then go to the next", key(KeyCode.C)),
    REVIEW_REJECT("Review: reject the item shown, then go to the next", key(KeyCode.X)),
    REVIEW_UNSURE("Review: mark the item shown unsure, then go to the next", key(KeyCode.U)),
    REVIEW_NEXT("Review: next item (Enter: show the selected one)", key(KeyCode.N), key(KeyCode.ENTER)),
    REVIEW_PREVIOUS("Review: previous item", key(KeyCode.P)),
    REVIEW_NEXT_UNREVIEWED("Review: the next item not decided yet",
            new KeyCodeCombination(KeyCode.N, KeyCombination.SHIFT_DOWN)),
    REVIEW_GALLERY("Review: the items as a gallery of tiles, or the planes again (Enter: the selected tile's item in the planes)",
            key(KeyCode.G)),
    GALLERY_MOVE("Review gallery: the tile left, right, above or below (while the gallery is shown)", key(KeyCode.LEFT),
            key(KeyCode.RIGHT), key(KeyCode.UP), key(KeyCode.DOWN)),
    PICK_ID("Edit labels: paint with the id under the mouse (a synapse's side)", key(KeyCode.I)),
    DELETE_INSTANCE("Edit labels: delete the instance under the mouse (a synapse: pre and post)", key(KeyCode.DELETE),
            key(KeyCode.BACK_SPACE)),
    MERGE_INSTANCES("Edit labels: merge; first on the instance to keep, then on the piece to join it", key(KeyCode.M)),
    SPLIT_INSTANCE("Edit labels: give the piece under the mouse a new id (cut it off with the eraser first)",
            key(KeyCode.S)),
    SWAP_POLARITY("Edit labels: swap the pre and post sides of the synapse under the mouse (wrong polarity)",
            key(KeyCode.W)),
    UNDO("Undo the last stroke or decision", ctrl(KeyCode.Z)),
    REDO("Redo", ctrl(KeyCode.Y), shiftCtrl(KeyCode.Z)),
    SHORTCUTS("List the keyboard shortcuts", key(KeyCode.F1)),
    QUIT("Quit", ctrl(KeyCode.Q));

    private final String title;
    private final List<KeyCombination> keys;

    Action(String title, KeyCombination... keys) {
        this.title = title;
        this.keys = List.of(keys);
    }

    Action(String title, List<KeyCombination> keys) {
        this.title = title;
        this.keys = keys;
    }

    /**
     * Whether the action's keys work only while the review gallery is shown in place of the planes, and may therefore
     * be the planes' keys too.
     */
    public boolean galleryOnly() {
        return this == GALLERY_MOVE;
    }

    /** What the action does, as the shortcut list says it. */
    public String title() {
        return title;
    }

    /** The first key is the one menus show. */
    public List<KeyCombination> keys() {
        return keys;
    }

    public boolean matches(KeyEvent e) {
        return keys.stream().anyMatch(k -> k.match(e));
    }

    /** "Page Down, Down": the keys as the platform writes them. */
    public String keyText() {
        if (this == TOGGLE_LAYER) {
            return "1 ... 9";
        }
        return keys.stream().map(KeyCombination::getDisplayText).distinct().collect(Collectors.joining(", "));
    }

    /** Every action as "keys: title", one per line, for the Help menu. */
    public static List<String> shortcutLines() {
        List<String> lines = new ArrayList<>();
        for (Action a : values()) {
            lines.add(a.keyText() + "\t" + a.title());
        }
        return lines;
    }

    /** The layer (0 ... 8) a digit key names, or -1. */
    public static int layerOf(KeyEvent e) {
        if (!TOGGLE_LAYER.matches(e)) {
            return -1;
        }
        String name = e.getCode().getName(); // "1" or "Numpad 1"
        return name.charAt(name.length() - 1) - '1';
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shiftCtrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private static List<KeyCombination> digits() {
        List<KeyCombination> k = new ArrayList<>();
        KeyCode[] top = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6,
            KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        KeyCode[] pad = {KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4, KeyCode.NUMPAD5,
            KeyCode.NUMPAD6, KeyCode.NUMPAD7, KeyCode.NUMPAD8, KeyCode.NUMPAD9};
        for (KeyCode c : top) {
            k.add(key(c));
        }
        for (KeyCode c : pad) {
            k.add(key(c));
        }
        return k;
    }
}
