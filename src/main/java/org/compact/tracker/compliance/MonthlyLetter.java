package org.compact.tracker.compliance;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.compliance.ComplianceService.AgencyLetter;
import org.compact.tracker.compliance.ComplianceService.Letters;
import org.compact.tracker.compliance.LetterBuilder.Facts;
import org.compact.tracker.compliance.LetterBuilder.Item;
import org.compact.tracker.mail.OutgoingMail;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.WorkingDays;
import org.compact.tracker.support.Wording;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The monthly letter (issue 20 item 3): on the first working day of each month (England and Wales), each agency's
 * compliance contact gets one mail about their agency, and every monitor one mail about every agency: what broke a
 * rule last month, feedback late or due this month, concerns open over 14 days, and planned consultations close to
 * their notice deadline, each with a link. Run daily ({@code tracker.jobs.monthly-letter.cron}): a run before the
 * first working day does nothing; the first run on or after it queues the month's letters through the outbox, in the
 * transaction that claims the month ({@link LetterPost}), so a service that was down catches up when it runs again,
 * and the letters go once per month across nodes.
 */
@Singleton
class MonthlyLetter implements DueWork {
    static final String CATEGORY = "LETTER";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final ComplianceService compliance;
    private final LetterPost post;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final String domain;
    private final String publicUrl;
    private final boolean enabled;

    MonthlyLetter(ComplianceService compliance, LetterPost post, Clock clock,
                  @Value("${tracker.mail.from:consultations@localhost}") String from,
                  @Value("${tracker.public-url:`http://localhost:8080`}") String publicUrl,
                  @Value("${tracker.letter.extra-holidays:2022-06-03,2022-09-19,2023-05-08}") List<String> extra,
                  @Value("${tracker.letter.enabled:true}") boolean enabled) {
        this.compliance = compliance;
        this.post = post;
        this.clock = clock;
        Set<LocalDate> days = new LinkedHashSet<>();
        for (String day : extra) {
            if (!day.isBlank()) {
                days.add(Dates.parse(day.strip()));
            }
        }
        this.workingDays = new WorkingDays(days);
        this.domain = OutgoingMail.messageIdDomain(from);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return "monthly letter";
    }

    /** Before the mail relay, so one step of the sim clock also delivers the letters. */
    @Override
    public int order() {
        return 50;
    }

    @Override
    public String runDue() {
        if (!enabled) {
            return "the monthly letter is switched off (tracker.letter.enabled)";
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        LocalDate first = workingDays.first(month);
        if (today.isBefore(first)) {
            return "the letters of " + month + " go on its first working day, " + first;
        }
        if (post.posted(month)) {
            return "the letters of " + month + " were queued already";
        }
        List<OutgoingMail> letters = compose(month, today, compliance.letters(today, clock.instant()));
        return post.post(month, letters, clock.instant()) ? letters.size() + " letters queued for " + month
                : "the letters of " + month + " were queued already, by another node";
    }

    List<OutgoingMail> compose(YearMonth month, LocalDate today, Letters read) {
        List<OutgoingMail> out = new ArrayList<>();
        String reference = "compliance-letter:" + month;
        String title = "Compact compliance letter for " + MONTH.format(month);
        for (AgencyLetter a : read.agencies()) {
            if (a.contact() == null || a.contact().isBlank()) {
                continue;
            }
            String text = "Dear compliance contact of " + a.facts().agency().name() + ",\n\n" + intro(month, today)
                    + sections(a.facts(), month) + close();
            out.add(mail("letter-" + month + "-agency-" + a.facts().agency().id(), a.contact(),
                    title + ": " + a.facts().agency().name(), text, reference));
        }
        if (!read.monitors().isEmpty()) {
            StringBuilder all = new StringBuilder("Dear monitor,\n\n").append(intro(month, today));
            for (AgencyLetter a : read.agencies()) {
                String name = a.facts().agency().name();
                all.append("=== ").append(name).append(" ===\n\n").append(sections(a.facts(), month));
            }
            all.append(close());
            for (ComplianceService.Monitor m : read.monitors()) {
                out.add(mail("letter-" + month + "-monitor-" + m.id(), m.email(), title + ": every agency",
                        all.toString(), reference));
            }
        }
        return out;
    }

    private String intro(YearMonth month, LocalDate today) {
        return "This is the consultation tracker's monthly letter for " + MONTH.format(month) + ", as the register "
                + "stood on " + Wording.day(today) + ". Each item links to the consultation.\n\n";
    }

    private String sections(Facts f, YearMonth month) {
        StringBuilder b = new StringBuilder();
        section(b, "What broke a rule in " + MONTH.format(month.minusMonths(1)), f.broke(), "Nothing broke a rule.");
        section(b, "Feedback late or due in " + MONTH.format(month), f.feedback(), "No feedback is late or due.");
        section(b, "Concerns open for more than " + LetterBuilder.CONCERN_DAYS + " days", f.concerns(),
                "No concern has been open that long.");
        section(b, "Planned consultations close to their notice deadline", f.planned(),
                "No planned consultation is within " + LetterBuilder.DEADLINE_DAYS + " days of its notice deadline.");
        return b.toString();
    }

    private void section(StringBuilder b, String heading, List<Item> items, String none) {
        b.append(heading).append('\n').append("-".repeat(heading.length())).append('\n');
        if (items.isEmpty()) {
            b.append(none).append("\n\n");
            return;
        }
        for (Item i : items) {
            b.append("- ").append(i.text()).append("\n  ").append(publicUrl).append("/consultations/")
                    .append(i.consultationId()).append('\n');
        }
        b.append('\n');
    }

    private String close() {
        return "The compliance report: " + publicUrl + "/compliance\nThe annual Compact monitoring report: " + publicUrl
                + "/compliance/annual\n\nThe consultation tracker\n";
    }

    private OutgoingMail mail(String id, String to, String subject, String text, String reference) {
        return new OutgoingMail(id + "@" + domain, CATEGORY, to.strip(), subject, text, null, List.of(), Map.of(),
                reference);
    }
}
