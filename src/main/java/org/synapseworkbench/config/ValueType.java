package org.synapseworkbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The type of a config value. Coercion is as lenient as yacs where it is safe (an int where a float is wanted,
 * a tuple for a list, a number where a string is wanted) and strict otherwise; every key also accepts None.
 */
public enum ValueType {
    BOOL("bool", "True or False"),
    INT("int", "a whole number"),
    FLOAT("float", "a number"),
    STR("str", "a string"),
    /** A volume name, several joined by '@', or a list of names. */
    PATHS("paths", "a file name, names joined by '@', or a list of names"),
    INT_LIST("int[]", "a list of whole numbers"),
    FLOAT_LIST("float[]", "a list of numbers"),
    BOOL_LIST("bool[]", "a list of True/False"),
    STR_LIST("str[]", "a list of strings"),
    STR_LIST_LIST("str[][]", "a list of lists of strings"),
    FLOAT_LIST_LIST("float[][]", "a list of lists of numbers"),
    ANY("any", "a value or nested lists");

    private final String code;
    private final String description;

    ValueType(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** How the type is written in the defaults table, e.g. {@code int[]}. */
    public String code() {
        return code;
    }

    /** What the type expects, in words, for error messages. */
    public String description() {
        return description;
    }

    public static ValueType fromCode(String code) {
        for (ValueType t : values()) {
            if (t.code.equals(code.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown value type " + code);
    }

    /** True for the list types (whose values are {@link List}s). */
    public boolean isList() {
        return code.endsWith("]");
    }

    /**
     * Converts a parsed YAML or literal value to this type's canonical Java form (Boolean, Integer, Double,
     * String, List), or throws {@link IllegalArgumentException} with what was expected.
     */
    public Object coerce(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String str && !(this == STR || this == PATHS)) {
            String t = str.trim();
            if (t.equals("None")) {
                return null;
            }
            Object parsed = PyLiteral.parseOrString(t);
            if (parsed instanceof String) {
                if (this == ANY) {
                    return str;
                }
                throw mismatch(v);
            }
            return coerce(parsed);
        }
        switch (this) {
            case BOOL:
                if (v instanceof Boolean) {
                    return v;
                }
                throw mismatch(v);
            case INT:
                return toInt(v);
            case FLOAT:
                return toDouble(v);
            case STR:
                if (v instanceof String s) {
                    return s.equals("None") ? null : s;
                }
                if (v instanceof Boolean bool) {
                    return bool ? "True" : "False";
                }
                if (v instanceof Number) {
                    return String.valueOf(v);
                }
                throw mismatch(v);
            case PATHS:
                if (v instanceof String s) {
                    return s.equals("None") ? null : s;
                }
                if (v instanceof List<?> l) {
                    List<Object> out = new ArrayList<>();
                    for (Object o : l) {
                        if (!(o instanceof String)) {
                            throw mismatch(v);
                        }
                        out.add(o);
                    }
                    return out;
                }
                throw mismatch(v);
            case INT_LIST:
                return list(v, INT);
            case FLOAT_LIST:
                return list(v, FLOAT);
            case BOOL_LIST:
                return list(v, BOOL);
            case STR_LIST:
                return list(v, STR);
            case STR_LIST_LIST:
                return list(v, STR_LIST);
            case FLOAT_LIST_LIST:
                return list(v, FLOAT_LIST);
            default:
                return canonicalAny(v);
        }
    }

    private List<Object> list(Object v, ValueType element) {
        if (!(v instanceof List<?> l)) {
            throw mismatch(v);
        }
        List<Object> out = new ArrayList<>(l.size());
        for (Object o : l) {
            try {
                out.add(element.coerce(o));
            } catch (IllegalArgumentException e) {
                throw mismatch(v);
            }
        }
        return out;
    }

    private static Object canonicalAny(Object v) {
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(canonicalAny(o));
            }
            return out;
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return (int) (long) l;
        }
        if (v instanceof Float f) {
            return (double) f;
        }
        return v;
    }

    private Integer toInt(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return (int) (long) l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
            return (int) (double) d;
        }
        throw mismatch(v);
    }

    private Double toDouble(Object v) {
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n.doubleValue();
        }
        throw mismatch(v);
    }

    private IllegalArgumentException mismatch(Object v) {
        return new IllegalArgumentException("expects " + description + ", not " + ConfigYaml.formatValue(v)
                + (v instanceof String ? "" : " (" + v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")"));
    }
}
