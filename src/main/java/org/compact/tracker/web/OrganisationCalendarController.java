package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.consultation.OrganisationFeed;
import org.compact.tracker.notice.OrganisationCalendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * An organisation's own calendar feed, {@code GET /o/calendar.ics?t=…}: anonymous at the HTTP level, its signed token
 * (purpose {@code calendar}, two years) the key; a token that is forged, expired or whose address is no longer a
 * contact is a 404 problem. Calendar programs poll it: it answers {@code ETag} and {@code Last-Modified}, and 304 to a
 * conditional request whose copy is current.
 */
@Controller("/o")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Organisation links")
class OrganisationCalendarController {
    static final String CALENDAR = "text/calendar; charset=UTF-8";

    private final OrganisationFeed feeds;

    OrganisationCalendarController(OrganisationFeed feeds) {
        this.feeds = feeds;
    }

    @Get(value = "/calendar.ics", produces = CALENDAR)
    @Hidden
    HttpResponse<?> calendar(HttpRequest<?> request, @Nullable @QueryValue String t) {
        OrganisationCalendar.Feed feed = feeds.of(t);
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(feed.lastModified().atZone(ZoneOffset.UTC));
        MutableHttpResponse<?> response = current(request, feed)
                ? HttpResponse.notModified()
                : HttpResponse.ok(feed.body()).contentType(CALENDAR);
        return response.header(HttpHeaders.ETAG, feed.etag())
                .header(HttpHeaders.LAST_MODIFIED, lastModified)
                // the address carries the organisation's key: kept by no shared cache, and checked on every poll
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("Referrer-Policy", "same-origin")
                .header("X-Robots-Tag", "noindex, nofollow");
    }

    /** Whether the caller's copy is current: its If-None-Match names the ETag, or (without one) If-Modified-Since. */
    private static boolean current(HttpRequest<?> request, OrganisationCalendar.Feed feed) {
        String noneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null) {
            return Arrays.stream(noneMatch.split(",")).map(String::trim).map(tag -> tag.replaceFirst("^W/", ""))
                    .anyMatch(tag -> tag.equals("*") || tag.equals(feed.etag()));
        }
        String since = request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null) {
            return false;
        }
        try {
            Instant at = ZonedDateTime.parse(since.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !feed.lastModified().isAfter(at);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }
}
