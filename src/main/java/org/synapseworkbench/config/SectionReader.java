package org.synapseworkbench.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.synapseworkbench.work.UserException;

/**
 * Reads a config section into its record: each component holds the key of the section whose name, without '_' and
 * '.', is the component's name ({@code padSize}: DATASET.PAD_SIZE, {@code rejectSamplingSizeThres}:
 * DATASET.REJECT_SAMPLING.SIZE_THRES), read as the component's type and the key's schema type ask. A component that
 * names no key of the section is a programming error, found the first time the section is read.
 */
final class SectionReader {
    /** The keys of each section record's components, in component order. */
    private static final Map<Class<?>, String[]> KEYS = new ConcurrentHashMap<>();

    private SectionReader() {
    }

    static <R extends Record> R read(Config c, String section, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        String[] keys = KEYS.computeIfAbsent(type, t -> keys(c.schema(), section, components));
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(c, keys[i], types[i]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " cannot be made from its keys", e);
        }
    }

    private static String[] keys(ConfigSchema schema, String section, RecordComponent[] components) {
        Map<String, String> byName = new HashMap<>();
        for (String key : schema.keys().keySet()) {
            if (key.startsWith(section + ".")) {
                byName.put(spelled(key.substring(section.length() + 1)), key);
            }
        }
        String[] keys = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            keys[i] = byName.get(spelled(components[i].getName()));
            if (keys[i] == null) {
                throw new IllegalStateException("no key of " + section + " is spelled " + components[i].getName());
            }
        }
        return keys;
    }

    private static String spelled(String name) {
        return name.replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
    }

    private static Object value(Config c, String key, Class<?> type) {
        if (type == int.class) {
            return c.getInt(key);
        } else if (type == double.class) {
            return c.getDouble(key);
        } else if (type == boolean.class) {
            return c.getBool(key);
        } else if (type == String.class) {
            return c.getString(key);
        } else if (type == java.util.List.class) {
            return switch (c.schema().key(key).type()) {
                case PATHS -> c.getPaths(key);
                case INT_LIST -> c.getIntList(key);
                case FLOAT_LIST -> c.getDoubleList(key);
                case BOOL_LIST -> c.getBoolList(key);
                case STR_LIST -> c.getStringList(key);
                default -> throw new IllegalStateException(key + " is not a flat list; read it as an Object");
            };
        } else if (type == Object.class) {
            return c.get(key);
        }
        throw new UserException("no way to read " + key + " as " + type.getSimpleName());
    }
}
