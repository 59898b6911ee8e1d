package org.concurrencylab.net;

/// A download that failed, with a message a user can read ("HTTP 500 Internal Server Error",
/// "connection refused: 127.0.0.1:9", "unknown host: example.invalid").
public final class FetchException extends Exception {
    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
