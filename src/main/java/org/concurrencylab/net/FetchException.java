package org.concurrencylab.net;

import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLPeerUnverifiedException;

/// A download that failed, with a message a user can read ("HTTP 500 Internal Server Error",
/// "connection refused: 127.0.0.1:9", "unknown host: example.invalid").
///
/// The message is made [readable][#readable] whatever it was given: the clients quote what a
/// server sent ("Unexpected status line: …"), and a server that sends binary would otherwise put
/// control characters and broken bytes into the outcome, the diagram's tooltip and the files.
public final class FetchException extends Exception {
    /// The longest message kept; what a server sent is cut there.
    static final int MAX_MESSAGE_LENGTH = 300;

    public FetchException(String message) {
        super(readable(message));
    }

    public FetchException(String message, Throwable cause) {
        super(readable(message), cause);
    }

    /// The download of `at` was not over within the deadline of `millis` ms.
    static FetchException deadline(URI at, long millis) {
        return new FetchException("timed out: " + Origin.hostPort(at) + " did not answer in full within the deadline ("
                + millis + " ms)");
    }

    /// `text` on one line of printable characters, at most [#MAX_MESSAGE_LENGTH] long: control
    /// characters, undecodable bytes (U+FFFD), unassigned and private code points become `?`.
    public static String readable(String text) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_LENGTH + 1));
        int i = 0;
        while (i < text.length() && out.length() < MAX_MESSAGE_LENGTH) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || c == 0xFFFD || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.FORMAT) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        }
        String line = out.toString().strip();
        return i < text.length() ? line + "…" : line;
    }

    /// A TLS handshake with `uri`'s server that failed, in one line: "TLS failed: the certificate
    /// of example.org is not trusted" (self-signed, an unknown authority), "…has expired", "…is
    /// not for example.org" (issued for another name), else the first line of the handshake's own
    /// words. The clients' own messages name internal classes or span lines (OkHttp lists the
    /// certificate).
    static FetchException tls(URI uri, Throwable error) {
        String host = uri.getHost();
        String why;
        if (has(error, SSLPeerUnverifiedException.class) || hasMessage(error, "No subject alternative")) {
            why = "the certificate is not for " + host;
        } else if (has(error, CertificateExpiredException.class)) {
            why = "the certificate of " + host + " has expired";
        } else if (has(error, CertificateNotYetValidException.class)) {
            why = "the certificate of " + host + " is not valid yet";
        } else if (has(error, CertPathBuilderException.class) || has(error, CertPathValidatorException.class)) {
            why = "the certificate of " + host + " is not trusted";
        } else if (has(error, CertificateException.class)) {
            why = "the certificate of " + host + " is not valid";
        } else {
            String message = error.getMessage();
            why = message == null || message.isBlank() ? error.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
        }
        return new FetchException("TLS failed: " + why, error);
    }

    /// Whether `error` or one of its causes is a `type`.
    static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) return true;
        }
        return false;
    }

    private static boolean hasMessage(Throwable error, String text) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e.getMessage() != null && e.getMessage().contains(text)) return true;
        }
        return false;
    }
}
