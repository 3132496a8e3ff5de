package org.synapseworkbench;

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
}
