package org.concurrencylab.net;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.URI;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;

import static org.assertj.core.api.Assertions.assertThat;

/// TLS failures read as one line that says what is wrong with the certificate, whichever client
/// met them and however deep the cause is.
class TlsMessagesTest {
    private static final URI SITE = URI.create("https://example.org/page");

    private static SSLHandshakeException handshake(Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException("(certificate_unknown) " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    @Test
    void a_certificate_for_another_name_says_so_in_one_line() {
        // OkHttp lists the certificate on several lines
        SSLPeerUnverifiedException okhttp = new SSLPeerUnverifiedException(
                "Hostname example.org not verified:\n    certificate: sha256/abc\n    DN: CN=other.example\n    subjectAltNames: [other.example]");
        // the JDK's client: the name check fails inside the handshake
        SSLHandshakeException jdk = handshake(new CertificateException("No subject alternative DNS name matching example.org found."));

        assertThat(FetchException.tls(SITE, okhttp)).hasMessage("TLS failed: the certificate is not for example.org");
        assertThat(FetchException.tls(SITE, jdk)).hasMessage("TLS failed: the certificate is not for example.org");
    }

    @Test
    void an_untrusted_expired_or_broken_certificate_says_which() {
        SSLHandshakeException untrusted = handshake(new CertPathValidatorException("Path does not chain with any of the trust anchors"));
        // the JDK reports an expired certificate as a failed path validation caused by the expiry
        CertPathValidatorException validity = new CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: Tue Jan 01 00:00:00 UTC 2019"));
        SSLHandshakeException expired = handshake(validity);
        SSLHandshakeException broken = handshake(new CertificateException("Could not parse certificate"));

        assertThat(FetchException.tls(SITE, untrusted)).hasMessage("TLS failed: the certificate of example.org is not trusted")
                .hasRootCauseInstanceOf(CertPathValidatorException.class);
        assertThat(FetchException.tls(SITE, expired)).hasMessage("TLS failed: the certificate of example.org has expired");
        assertThat(FetchException.tls(SITE, broken)).hasMessage("TLS failed: the certificate of example.org is not valid");
    }

    @Test
    void any_other_handshake_failure_keeps_its_first_line() {
        SSLHandshakeException other = new SSLHandshakeException("Received fatal alert: handshake_failure\nmore detail");

        assertThat(FetchException.tls(SITE, other)).hasMessage("TLS failed: Received fatal alert: handshake_failure");
    }
}
