package org.compact.tracker.support;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The address a request came from, which sign-in and fresh-link throttling count by. By default the connection's
 * peer. Behind a reverse proxy every request would share the proxy's address (one client's mistakes would lock
 * everyone out), so {@code tracker.client-address-header} (e.g. {@code X-Forwarded-For}) names the header the proxy
 * appends the client's address to: the last address in it, the one the proxy itself wrote, is used; addresses to its
 * left were sent by the client and could be anything. Set it only when every request passes through such a proxy:
 * otherwise a client could name any address.
 */
@Singleton
public class ClientAddress {
    private final String header;

    ClientAddress(@Nullable @Value("${tracker.client-address-header:}") String header) {
        this.header = header == null ? "" : header.strip();
    }

    public String of(HttpRequest<?> request) {
        if (!header.isEmpty()) {
            String forwarded = request.getHeaders().getAll(header).stream().reduce((a, b) -> b).orElse(null);
            if (forwarded != null) {
                String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty() && last.length() <= 100 && last.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                    return last;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown";
    }
}
