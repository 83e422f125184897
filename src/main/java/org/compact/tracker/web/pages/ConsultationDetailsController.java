package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.consultation.ConsultationService;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.consultation.HistoryEntry;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.feedback.FeedbackService;
import org.compact.tracker.feedback.ParticipantService;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.notice.DeliveryReport;
import org.compact.tracker.notice.NoticeKind;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.Verdict;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.web.forms.FormData;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One consultation: its details, checklist, history, the progress of its mail and its concerns; and its steps
 * (notify, open, close, withdraw), each through a page that says what will happen and who gets mail before the
 * officer confirms it. A step the rules refuse comes back with the refusal, naming the rules.
 */
@Controller("/consultations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ConsultationDetailsController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final ConsultationService consultations;
    private final OrganisationService organisations;
    private final ConcernService concerns;
    private final FeedbackService feedback;
    private final ParticipantService participants;
    private final Deadlines deadlines;
    private final PageModel pages;
    private final Clock clock;

    ConsultationDetailsController(ConsultationService consultations, OrganisationService organisations,
                                  ConcernService concerns, FeedbackService feedback, ParticipantService participants,
                                  Deadlines deadlines, PageModel pages, Clock clock) {
        this.consultations = consultations;
        this.organisations = organisations;
        this.concerns = concerns;
        this.feedback = feedback;
        this.participants = participants;
        this.deadlines = deadlines;
        this.pages = pages;
        this.clock = clock;
    }

    /** A step offered on the details page. */
    public record Step(String action, String label, String href, boolean warning) {
    }

    /** One contact's mail that needs a look: a reply (what, note, when) or a failure (kind, why). */
    public record MailLine(String organisation, String email, String what, String detail, String when) {
    }

    /** A link to a part of the consultation, with its count in words. */
    public record Part(String name, String href, String count) {
    }

    /** One line of the history, in words. */
    public record HistoryLine(String when, String who, String what, String why) {
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    ModelAndView<Map<String, Object>> details(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                                              @Nullable @QueryValue String done) {
        Actor actor = Actors.of(auth);
        ConsultationView c = consultations.get(id);
        Map<String, Object> model = pages.of(request, auth, c.title());
        model.put("c", c);
        model.put("statusLabel", Labels.code(c.status().name()));
        model.put("facts", facts(c));
        model.put("checklist", Checklist.of(c.checks()));
        DeliveryReport report = consultations.deliveries(actor, id);
        model.put("counts", counts(report));
        model.put("replies", report.deliveries().stream().filter(d -> d.reply() != null)
                .map(d -> new MailLine(d.organisationName(), d.email(), d.reply().label(),
                        d.replyNote() == null ? "" : d.replyNote(),
                        d.repliedAt() == null ? "" : WHEN.format(d.repliedAt().atZone(clock.getZone())))).toList());
        List<MailLine> failures = new java.util.ArrayList<>(report.deliveries().stream()
                .filter(d -> d.status() == MailStatus.FAILED)
                .map(d -> new MailLine(d.organisationName(), d.email(), Labels.code(d.kind().name()),
                        d.failure() == null ? "" : d.failure(), "")).toList());
        report.participants().stream().filter(l -> l.status() == MailStatus.FAILED)
                .forEach(l -> failures.add(new MailLine("(took part)", l.email() == null ? "(hidden)" : l.email(), "Feedback",
                        l.failure() == null ? "" : l.failure(), "")));
        model.put("failures", failures);
        model.put("participantMail", participantMail(report.participants()));
        model.put("mailServerWaiting", mailServerWaiting(report.deliveries(), clock.getZone()));
        // Reading a consultation is shared; who raised concerns and who took part is for its own agency (and admins
        // and monitors): another agency's officer sees the page without them, nor the links to its parts.
        boolean people = actor.mayReadPeopleOf(c.agencyId());
        List<ConcernService.View> raised = people ? concerns.list(actor, id) : List.of();
        model.put("parts", people ? parts(c, actor, raised) : List.of());
        model.put("history", consultations.history(id).stream().map(this::line).toList());
        model.put("mayReadPeople", people);
        model.put("concerns", raised);
        model.put("steps", actor.mayActFor(c.agencyId()) ? steps(c) : List.of());
        model.put("mayChange", actor.mayActFor(c.agencyId()) && c.status() != ConsultationStatus.FEEDBACK_GIVEN
                && c.status() != ConsultationStatus.WITHDRAWN);
        model.put("done", done == null ? null : doneMessage(done));
        model.put("feedback", givenFeedback(id));
        return new ModelAndView<>("consultation", model);
    }

    @Get(value = "/{id}/notify", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmNotify(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, "notify", List.of(), "");
    }

    @Get(value = "/{id}/open", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmOpen(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, "open", List.of(), "");
    }

    @Get(value = "/{id}/close", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmClose(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, "close", List.of(), "");
    }

    @Get(value = "/{id}/withdraw", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmWithdraw(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, "withdraw", List.of(), "");
    }

    @Post(value = "/{id}/notify", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> notify(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        return step(request, auth, id, "notify", "", () -> consultations.notify(Actors.of(auth), id));
    }

    @Post(value = "/{id}/open", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> open(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        return step(request, auth, id, "open", "", () -> consultations.open(Actors.of(auth), id));
    }

    @Post(value = "/{id}/close", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> close(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        return step(request, auth, id, "close", "", () -> consultations.close(Actors.of(auth), id));
    }

    @Post(value = "/{id}/withdraw", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> withdraw(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        String reason = FormData.parse(body).get("reason");
        return step(request, auth, id, "withdraw", reason, () -> consultations.withdraw(Actors.of(auth), id, reason));
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private HttpResponse<?> step(HttpRequest<?> request, Authentication auth, Long id, String action, String reason,
                                 Runnable run) {
        try {
            run.run();
            return HttpResponse.seeOther(URI.create("/consultations/" + id + "?done=" + action));
        } catch (Refusal refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            return HttpResponse.status(ConsultationPageController.statusOf(refused))
                    .body(confirm(request, auth, id, action, ConsultationPageController.problems(refused), reason));
        }
    }

    private ModelAndView<Map<String, Object>> confirm(HttpRequest<?> request, Authentication auth, Long id, String action,
                                                      List<FieldError> errors, String reason) {
        ConsultationView c = consultations.get(id);
        Actors.of(auth).requireMayActFor(c.agencyId());
        LocalDate today = LocalDate.now(clock);
        List<String> what = new ArrayList<>();
        RuleId.Gate gate = RuleId.Gate.NONE;
        String heading;
        String button;
        switch (action) {
            case "notify" -> {
                heading = "Send notice of this consultation";
                button = "Send the notice";
                gate = RuleId.Gate.NOTIFY;
                what.add("The consultation moves from planned to notified, and the month's notice starts today ("
                        + Labels.day(today) + ").");
                what.add(MailReach.of(c, organisations.search(null, null, null)).sentence());
                what.add("Each notice has a calendar, reply links and an unsubscribe link. Contacts who unsubscribed are skipped.");
            }
            case "open" -> {
                heading = "Open the consultation for responses";
                button = "Open it now";
                gate = RuleId.Gate.OPEN;
                what.add("The consultation opens today (" + Labels.day(today) + ") and takes responses until "
                        + Labels.day(c.closesOn()) + ".");
                what.add("No mail is sent: organisations were told the dates in the notice.");
            }
            case "close" -> {
                heading = "Close the consultation";
                button = "Close it now";
                what.add("Responses stop today (" + Labels.day(today) + ").");
                LocalDate due = deadlines.feedbackDue(c);
                what.add("No mail is sent now. Feedback to everyone notified and everyone who took part is then due"
                        + (due == null ? "." : " by " + Labels.day(due) + "."));
            }
            case "withdraw" -> {
                heading = "Withdraw the consultation";
                button = "Withdraw it";
                what.add(withdrawalMail(c));
                what.add("It cannot be reopened: register a new consultation to consult again.");
            }
            default -> throw Refusal.notFound("step", action);
        }
        RuleId.Gate g = gate;
        List<Checklist.Item> blockers = g == RuleId.Gate.NONE ? List.of() : Checklist.of(c.checks() == null ? List.of()
                : c.checks().stream().filter(ch -> ch.verdict() == Verdict.FAIL && ch.ruleId().gate() == g).toList());
        Map<String, Object> model = pages.of(request, auth, heading);
        model.put("c", c);
        model.put("action", action);
        model.put("heading", heading);
        model.put("button", button);
        model.put("what", what);
        model.put("blockers", blockers);
        model.put("needsReason", action.equals("withdraw"));
        model.put("reason", reason);
        model.put("errors", FieldIds.errors(errors));
        model.put("fieldErrors", FieldIds.byField(errors));
        return new ModelAndView<>("confirm", model);
    }

    private String withdrawalMail(ConsultationView c) {
        if (c.status() == ConsultationStatus.PLANNED) {
            return "No organisation has been told about it yet, so no mail is sent.";
        }
        DeliveryReport report = consultations.deliveries(c.id());
        long contacts = report.deliveries().stream().filter(d -> d.kind() == NoticeKind.NOTICE)
                .map(d -> d.email().toLowerCase(Locale.ROOT)).distinct().count();
        long orgs = report.deliveries().stream().filter(d -> d.kind() == NoticeKind.NOTICE)
                .map(DeliveryReport.Line::organisationId).distinct().count();
        return "Everyone who was sent the notice (" + contacts + " " + MailReach.plural((int) contacts, "contact", "contacts")
                + " of " + orgs + " " + MailReach.plural((int) orgs, "organisation", "organisations")
                + ") will be emailed that it is withdrawn, with your reason.";
    }

    private List<Step> steps(ConsultationView c) {
        String base = "/consultations/" + c.id();
        return switch (c.status()) {
            case PLANNED -> List.of(new Step("notify", "Send notice", base + "/notify", false),
                    new Step("withdraw", "Withdraw", base + "/withdraw", true));
            case NOTIFIED -> List.of(new Step("open", "Open for responses", base + "/open", false),
                    new Step("withdraw", "Withdraw", base + "/withdraw", true));
            case OPEN -> List.of(new Step("close", "Close", base + "/close", false),
                    new Step("withdraw", "Withdraw", base + "/withdraw", true));
            case CLOSED -> List.of(new Step("feedback", "Give feedback", base + "/feedback", false));
            case FEEDBACK_GIVEN, WITHDRAWN -> List.of();
        };
    }

    /** The links to the parts' pages, which are the consultation's own agency's (ConsultationPart), with counts. */
    private List<Part> parts(ConsultationView c, Actor actor, List<ConcernService.View> raised) {
        String base = "/consultations/" + c.id();
        int exemptions = c.exemptions() == null ? 0 : c.exemptions().size();
        int actions = feedback.actions(c.id()).size();
        long open = raised.stream().filter(ConcernService.View::open).count();
        int taking = participants.list(actor, c.id()).size();
        return List.of(new Part("Exemptions", base + "/exemptions", String.valueOf(exemptions)),
                new Part("Concerns", base + "/concerns", open + " open of " + raised.size()),
                new Part("Actions", base + "/actions", String.valueOf(actions)),
                new Part("Participants", base + "/participants", String.valueOf(taking)));
    }

    private Map<String, String> facts(ConsultationView c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Status", Labels.code(c.status().name()));
        f.put("Next date", deadlines.next(c).isEmpty() ? "Nothing due" : deadlines.next(c));
        f.put("Lead officer", c.leadOfficer());
        f.put("Opens on", Labels.day(c.opensOn()));
        f.put("Closes on", Labels.day(c.closesOn()));
        f.put("Notice deadline", Labels.day(deadlines.noticeDeadline(c)));
        f.put("Decision", Labels.day(c.decisionDate()) + (c.decisionMaker() == null ? "" : " by " + c.decisionMaker()));
        f.put("Themes", String.join(", ", c.themes()));
        f.put("Areas", c.areas().isEmpty() ? "The whole area" : String.join(", ", c.areas()));
        f.put("Audiences", String.join(", ", c.audiences().stream().map(Labels::code).toList()));
        f.put("Ways to take part", String.join(", ", c.methods().stream().map(Labels::code).toList()));
        f.put("Help offered", String.join(", ", c.provisions().stream().map(Labels::code).toList()));
        f.put("Languages", String.join(", ", c.languages()));
        f.put("Venues", String.join("; ", c.venues()));
        f.put("What views can change", c.openToChange() == null ? "" : c.openToChange());
        f.put("What is already decided", c.fixed() == null ? "" : c.fixed());
        f.put("Earlier work", (c.priorWork().statement() == null ? "" : c.priorWork().statement())
                + (c.priorWork().relatedIds() == null || c.priorWork().relatedIds().isEmpty() ? ""
                : " Related consultations: " + c.priorWork().relatedIds()));
        if (c.withdrawalReason() != null) {
            f.put("Withdrawn because", c.withdrawalReason());
        }
        return f;
    }

    /**
     * "12 notices are waiting for the mail server: it has not taken them since 6 March 2027, 18:00. …", or null when
     * no mail of the consultation is waiting for the server (queued and never tried yet is not waiting for it).
     */
    @Nullable
    static String mailServerWaiting(List<DeliveryReport.Line> lines, java.time.ZoneId zone) {
        List<DeliveryReport.Line> waiting = lines.stream().filter(l -> l.status() == MailStatus.QUEUED
                && l.waitingForServerSince() != null).toList();
        if (waiting.isEmpty()) {
            return null;
        }
        long notices = waiting.stream().filter(l -> l.kind() == NoticeKind.NOTICE).count();
        long others = waiting.size() - notices;
        java.time.Instant since = waiting.stream().map(DeliveryReport.Line::waitingForServerSince)
                .min(java.util.Comparator.naturalOrder()).orElseThrow();
        List<String> what = new java.util.ArrayList<>();
        if (notices > 0) {
            what.add(notices + " " + MailReach.plural((int) notices, "notice", "notices"));
        }
        if (others > 0) {
            what.add(others + " " + (notices > 0 ? "other " : "") + MailReach.plural((int) others, "mail", "mails"));
        }
        return String.join(" and ", what) + (waiting.size() == 1 ? " is" : " are")
                + " waiting for the mail server: it has not taken " + (waiting.size() == 1 ? "it" : "them")
                + " since " + WHEN.format(since.atZone(zone)) + ". The tracker keeps trying and "
                + (waiting.size() == 1 ? "it goes" : "they go") + " as soon as the server takes mail again.";
    }

    /** "Feedback mail to 3 people who took part: 2 sent, 1 waiting to go", or null when there is none. */
    @Nullable
    static String participantMail(List<DeliveryReport.ParticipantLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        Map<MailStatus, Long> by = lines.stream().collect(java.util.stream.Collectors.groupingBy(
                DeliveryReport.ParticipantLine::status, () -> new java.util.EnumMap<>(MailStatus.class),
                java.util.stream.Collectors.counting()));
        List<String> parts = new java.util.ArrayList<>();
        if (by.containsKey(MailStatus.SENT)) {
            parts.add(by.get(MailStatus.SENT) + " sent");
        }
        if (by.containsKey(MailStatus.QUEUED)) {
            parts.add(by.get(MailStatus.QUEUED) + " waiting to go");
        }
        if (by.containsKey(MailStatus.FAILED)) {
            parts.add(by.get(MailStatus.FAILED) + " failed");
        }
        return "Feedback mail to " + lines.size() + (lines.size() == 1 ? " person" : " people")
                + " who took part: " + String.join(", ", parts) + ".";
    }

    private static Map<String, Long> counts(DeliveryReport report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : List.of("QUEUED", "SENT", "FAILED", "ACKNOWLEDGED", "TOTAL")) {
            counts.put(k, report.counts().getOrDefault(k, 0L));
        }
        return counts;
    }

    private HistoryLine line(HistoryEntry h) {
        String what = Labels.code(h.kind().name());
        if (h.fromStatus() != null && h.toStatus() != null) {
            what += " (" + Labels.code(h.fromStatus().name()) + " to " + Labels.code(h.toStatus().name()) + ")";
        }
        return new HistoryLine(WHEN.format(h.at().atZone(clock.getZone())), h.actor(), what,
                h.reason() == null ? "" : h.reason());
    }

    @Nullable
    private FeedbackService.FeedbackView givenFeedback(Long id) {
        try {
            return feedback.get(id);
        } catch (Refusal none) {
            return null;
        }
    }

    private static String doneMessage(String action) {
        return switch (action) {
            case "notify" -> "Notice is on its way. The progress below shows the mail as it goes.";
            case "open" -> "The consultation is open for responses.";
            case "close" -> "The consultation is closed. Feedback is now due.";
            case "withdraw" -> "The consultation is withdrawn.";
            case "feedback" -> "Feedback is recorded and is being emailed.";
            default -> null;
        };
    }
}
