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
public final class FetchException extends Exception {
    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
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

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
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
