package org.compact.tracker.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attachments and headers in text columns, portable between H2 and PostgreSQL: attachments as a JSON array of
 * {@code {"filename", "contentType", "content"}} with the content in base64, headers as a JSON object.
 */
final class MailCodec {
    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();
    private static final Argument<List<Map<String, String>>> ATTACHMENTS =
            Argument.listOf(Argument.mapOf(String.class, String.class));
    private static final Argument<Map<String, String>> HEADERS = Argument.mapOf(String.class, String.class);

    private MailCodec() {
    }

    static String writeAttachments(@Nullable List<OutgoingMail.Attachment> attachments) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (attachments != null) {
            for (OutgoingMail.Attachment a : attachments) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("filename", a.filename());
                row.put("contentType", a.contentType());
                row.put("content", Base64.getEncoder().encodeToString(a.content() == null ? new byte[0] : a.content()));
                rows.add(row);
            }
        }
        return write(rows);
    }

    static List<OutgoingMail.Attachment> readAttachments(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<OutgoingMail.Attachment> attachments = new ArrayList<>();
        for (Map<String, String> row : read(json, ATTACHMENTS)) {
            attachments.add(new OutgoingMail.Attachment(row.get("filename"), row.get("contentType"),
                    Base64.getDecoder().decode(row.getOrDefault("content", ""))));
        }
        return List.copyOf(attachments);
    }

    static String writeHeaders(@Nullable Map<String, String> headers) {
        return write(headers == null ? Map.of() : new LinkedHashMap<>(headers));
    }

    static Map<String, String> readHeaders(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return new LinkedHashMap<>(read(json, HEADERS));
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Argument<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable outbox column: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
