package org.concurrencylab.net;

import java.net.URI;

/// A downloaded page.
///
/// @param uri    where it came from
/// @param status the HTTP status code (2xx)
/// @param body   the bytes of the body
public record Page(URI uri, int status, byte[] body) {}
