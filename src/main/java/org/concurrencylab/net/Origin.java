package org.concurrencylab.net;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/// Where a download may be redirected: the origin of the URL the user gave (scheme, host and
/// port), the same rule in both clients.
///
/// A redirect is followed only within the origin: a server may move a page to another path of
/// itself, never send the download to another host, another name or address of the same
/// machine (`localhost` for `127.0.0.1`), another port, or from https to http. The lab measures
/// the servers the user chose, and a failure after a redirect away would name a host the user
/// never typed. Why not follow none at all: sites move pages (`/docs` → `/docs/`) and refusing
/// those would fail downloads that a browser makes without a word. OkHttp and the JDK's client
/// both follow redirects to any host or none, so each client follows them itself with [#follow].
///
/// @param scheme `http` or `https`, lower case
/// @param host   the host as given, lower case
/// @param port   the port, the scheme's own when the URL names none
public record Origin(String scheme, String host, int port) {
    /// Redirects followed for one download at most, as OkHttp and browsers do (20).
    public static final int MAX_REDIRECTS = 20;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /// The origin of `uri`.
    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return new Origin(scheme, host, port);
    }

    /// Whether `status` sends the client elsewhere (with a `Location` header).
    public static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /// Where a redirect from `from` to `location` leads, the `redirects`-th of this download; throws
    /// a [FetchException] naming the host that redirected if it leads out of this origin, is not a
    /// URL, or is one too many.
    public URI follow(URI from, String location, int redirects) throws FetchException {
        if (redirects > MAX_REDIRECTS) {
            throw new FetchException("too many redirects: " + hostPort(from) + " (more than " + MAX_REDIRECTS + ")");
        }
        URI target;
        try {
            target = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new FetchException("redirect refused: " + hostPort(from) + " sent the download to '" + location
                    + "', which is not a URL");
        }
        if (!of(target).equals(this)) {
            throw new FetchException("redirect refused: " + hostPort(from) + " sent the download to " + of(target)
                    + "; only redirects within " + this + " are followed");
        }
        return target;
    }

    /// "127.0.0.1:8080", or the host alone when `uri` names no port.
    public static String hostPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /// "http://127.0.0.1:8080".
    @Override
    public String toString() {
        return scheme + "://" + (host.isEmpty() ? "(no host)" : host) + ":" + port;
    }
}
