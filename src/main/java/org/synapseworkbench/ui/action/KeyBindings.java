package org.synapseworkbench.ui.action;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javafx.scene.input.KeyEvent;

/**
 * Actions bound to what they do, one call each ({@code bindings.on(Action.FIT, slice::fit)}), and dispatched by one
 * test: a key event runs the handler of the bound action whose keys it matches. The keys themselves stay in
 * {@link Action}, so menus, the shortcut list and the handlers agree.
 */
public final class KeyBindings implements Predicate<KeyEvent> {
    /** What an action does with its key event; false when it did nothing (the key then goes on to others). */
    @FunctionalInterface
    public interface Handler {
        boolean handle(KeyEvent e);
    }

    private final Map<Action, Handler> handlers = new EnumMap<>(Action.class);

    /** Binds {@code action} to {@code handler}, which always acts. */
    public KeyBindings on(Action action, Runnable handler) {
        return onKey(action, e -> {
            handler.run();
            return true;
        });
    }

    /** Binds {@code action} to {@code handler}, which sees the event and may decline it. */
    public KeyBindings onKey(Action action, Handler handler) {
        if (handlers.putIfAbsent(action, handler) != null) {
            throw new IllegalStateException(action + " is bound twice");
        }
        return this;
    }

    /** The actions bound here. */
    public Set<Action> actions() {
        return handlers.keySet();
    }

    /** Runs the handler of the bound action {@code e} names; true when one acted on it. */
    @Override
    public boolean test(KeyEvent e) {
        for (Map.Entry<Action, Handler> b : handlers.entrySet()) {
            if (b.getKey().matches(e) && b.getValue().handle(e)) {
                return true;
            }
        }
        return false;
    }
}
