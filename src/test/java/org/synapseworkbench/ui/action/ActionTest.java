package org.synapseworkbench.ui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import org.junit.jupiter.api.Test;

/** The actions' keys: what matches, that no key does two things, and the Help list naming every action. */
class ActionTest {

    private static KeyEvent press(KeyCode code, boolean shortcut) {
        boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut && !mac, false, shortcut && mac);
    }

    @Test
    void keysMatchWithTheirModifiersOnly() {
        assertTrue(Action.FIT.matches(press(KeyCode.F, false)));
        assertTrue(Action.ONE_TO_ONE.matches(press(KeyCode.DIGIT0, true)));
        assertFalse(Action.ONE_TO_ONE.matches(press(KeyCode.DIGIT0, false)));
        assertEquals(2, Action.layerOf(press(KeyCode.DIGIT3, false)));
        assertEquals(0, Action.layerOf(press(KeyCode.NUMPAD1, false)));
        assertEquals(-1, Action.layerOf(press(KeyCode.DIGIT3, true)), "Ctrl+3 toggles nothing");
        assertTrue(Action.SAVE_CONFIG.matches(press(KeyCode.S, true)));
        assertFalse(Action.SAVE_CONFIG.matches(press(KeyCode.S, false)));
    }

    @Test
    void noKeyDoesTwoThingsAndTheHelpListNamesEveryAction() {
        Set<KeyCombination> seen = new HashSet<>();
        Set<KeyCombination> gallery = new HashSet<>();
        for (Action a : Action.values()) {
            for (KeyCombination k : a.keys()) {
                assertTrue((a.galleryOnly() ? gallery : seen).add(k), k + " belongs to two actions");
            }
        }
        gallery.retainAll(seen);
        assertEquals(Set.of(Action.NEXT_SECTION.keys().get(1), Action.PREVIOUS_SECTION.keys().get(1)), gallery,
                "the gallery, shown in place of the planes, shares only the planes' arrow keys");
        assertEquals(Action.values().length, Action.shortcutLines().size());
        assertTrue(Action.shortcutLines().contains("1 ... 9\tShow or hide label layer 1 ... 9"));
        assertTrue(Action.shortcutLines().stream().anyMatch(l -> l.startsWith("F\t")), Action.shortcutLines().toString());
    }
}
