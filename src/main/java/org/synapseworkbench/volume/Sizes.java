package org.synapseworkbench.volume;

import org.synapseworkbench.work.UserException;

/** {@code Z,Y,X} sizes on the command line. */
public final class Sizes {
    private Sizes() {
    }

    /** Parses Z,Y,X or throws a {@link UserException} saying what is wrong. */
    public static int[] parse(String value) {
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new UserException("'" + value + "' is not a size: give three numbers Z,Y,X such as 32,320,320");
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserException("'" + value + "' is not a size: '" + parts[i].trim() + "' is not a whole number");
            }
            if (out[i] <= 0) {
                throw new UserException("'" + value + "' is not a size: every entry must be positive");
            }
        }
        return out;
    }

    public static String format(int[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            b.append(i > 0 ? " x " : "").append(s[i]);
        }
        return b.toString();
    }
}
