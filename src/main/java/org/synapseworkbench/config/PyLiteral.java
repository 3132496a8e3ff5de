package org.synapseworkbench.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Python literals PyTC's configs and command lines use: None, True, False, numbers, quoted strings,
 * lists and tuples (tuples become lists). As in yacs, text that is not a literal is taken as a plain string.
 */
public final class PyLiteral {
    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    /** The value of a literal, or the text itself when it is not one. */
    public static Object parseOrString(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The value of a literal; throws {@link IllegalArgumentException} if the text is not one. */
    public static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        p.skip();
        Object v = p.value();
        p.skip();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("not a literal: " + text);
        }
        return v;
    }

    private Object value() {
        if (pos >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        char c = s.charAt(pos);
        if (c == '[' || c == '(') {
            return list(c == '[' ? ']' : ')');
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        int start = pos;
        while (pos < s.length() && "[](),".indexOf(s.charAt(pos)) < 0 && !Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        String word = s.substring(start, pos);
        switch (word) {
            case "None":
                return null;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            default:
                return number(word);
        }
    }

    static Object number(String word) {
        String w = word.replace("_", "");
        if (w.matches("[-+]?\\d+")) {
            long v = Long.parseLong(w.startsWith("+") ? w.substring(1) : w);
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
        }
        if (w.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?") || w.matches("[-+]?(inf|nan)")) {
            return Double.parseDouble(w.replace("inf", "Infinity").replace("nan", "NaN"));
        }
        throw new IllegalArgumentException("not a literal: " + word);
    }

    private List<Object> list(char close) {
        pos++;
        List<Object> out = new ArrayList<>();
        skip();
        if (pos < s.length() && s.charAt(pos) == close) {
            pos++;
            return out;
        }
        while (true) {
            skip();
            if (pos < s.length() && s.charAt(pos) == close) { // trailing comma
                pos++;
                return out;
            }
            out.add(value());
            skip();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unclosed list");
            }
            char c = s.charAt(pos++);
            if (c == close) {
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected ',' in list");
            }
        }
    }

    private String string(char quote) {
        pos++;
        StringBuilder b = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                char e = s.charAt(pos++);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else if (c == quote) {
                return b.toString();
            } else {
                b.append(c);
            }
        }
        throw new IllegalArgumentException("unclosed string");
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}
