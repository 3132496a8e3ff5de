package org.synapseworkbench.work;

/**
 * A problem the user can fix: a missing file, a bad config key, an unsupported type. The message is one
 * sentence that names the file, key or value and says what to do; it is shown as is, without a stack trace.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What went wrong at the bottom of {@code e}'s causes, for the brackets of a sentence: the root cause's message on
     * one line, at most 120 characters, or its class name when it has none.
     */
    public static String rootReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            return root.getClass().getSimpleName();
        }
        m = m.strip().replaceAll("\\s+", " ");
        return m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }
}
