package org.compact.tracker.programme;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.LocalDate;

/** The public addresses of the programme and of results, built on {@code tracker.public-url}. */
@Singleton
public class PublicLinks {
    private final String base;
    private final String authority;

    PublicLinks(@Value("${tracker.public-url:`http://localhost:8080`}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String host = URI.create(this.base).getHost();
        this.authority = host == null || host.isBlank() ? "localhost" : host.toLowerCase(java.util.Locale.ROOT);
    }

    public String base() {
        return base;
    }

    /** The consultation's row on the programme page. */
    public String programmeEntry(long id) {
        return base + "/programme#c" + id;
    }

    public String results(long id) {
        return base + "/results/" + id;
    }

    /** {@code path} (such as "/programme.ics") with the filter's query. */
    public String withFilter(String path, ProgrammeFilter filter) {
        return base + path + filter.query();
    }

    /** An RFC 4151 tag URI: the service's host, a day the thing was minted on, and what it names. */
    String tag(LocalDate minted, String specific) {
        return "tag:" + authority + "," + minted + ":" + specific;
    }
}
