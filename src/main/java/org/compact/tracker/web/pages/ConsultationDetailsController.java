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
import org.compact.tracker.consultation.ConsultationHistory;
import org.compact.tracker.consultation.Lifecycle;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.consultation.HistoryEntry;
import org.compact.tracker.consultation.Step;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.feedback.FeedbackService;
import org.compact.tracker.feedback.ParticipantService;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.notice.DeliveryReport;
import org.compact.tracker.notice.NoticeKind;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.Verdict;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Wording;
import org.compact.tracker.web.forms.FormData;

import java.net.URI;
import java.time.Clock;
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

    private final RegisterReads consultations;
    private final Lifecycle lifecycle;
    private final ConsultationHistory history;
    private final ConcernService concerns;
    private final FeedbackService feedback;
    private final ParticipantService participants;
    private final Deadlines deadlines;
    private final StepConfirmation confirmation;
    private final PageModel pages;
    private final Clock clock;
    private final JointWording joint;

    ConsultationDetailsController(RegisterReads consultations, Lifecycle lifecycle, ConsultationHistory history,
                                  ConcernService concerns, FeedbackService feedback, ParticipantService participants,
                                  Deadlines deadlines, StepConfirmation confirmation, PageModel pages, Clock clock,
                                  JointWording joint) {
        this.joint = joint;
        this.consultations = consultations;
        this.lifecycle = lifecycle;
        this.history = history;
        this.concerns = concerns;
        this.feedback = feedback;
        this.participants = participants;
        this.deadlines = deadlines;
        this.confirmation = confirmation;
        this.pages = pages;
        this.clock = clock;
    }

    /** A step offered on the details page. */
    public record StepLink(String action, String label, String href, boolean warning) {
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
        model.put("statusLabel", Wording.code(c.status().name()));
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
                .map(d -> new MailLine(d.organisationName(), d.email(), Wording.code(d.kind().name()),
                        d.failure() == null ? "" : d.failure(), "")).toList());
        report.participants().stream().filter(l -> l.status() == MailStatus.FAILED)
                .forEach(l -> failures.add(new MailLine("(took part)", l.email() == null ? "(hidden)" : l.email(), "Feedback",
                        l.failure() == null ? "" : l.failure(), "")));
        model.put("failures", failures);
        model.put("participantMail", participantMail(report.participants()));
        model.put("mailServerWaiting", mailServerWaiting(report.deliveries(), clock.getZone()));
        // Reading a consultation is shared; who raised concerns and who took part is for its own agency (and admins
        // and monitors): another agency's officer sees the page without them, nor the links to its parts.
        boolean people = actor.mayReadPeopleOfAny(JointWording.agencyIds(c));
        List<ConcernService.View> raised = people ? concerns.list(actor, id) : List.of();
        model.put("parts", people ? parts(c, actor, raised) : List.of());
        model.put("history", history.of(id).stream().map(this::line).toList());
        model.put("mayReadPeople", people);
        model.put("concerns", raised);
        model.put("steps", actor.mayActFor(c.agencyId()) ? steps(c) : actor.mayActForAny(JointWording.agencyIds(c))
                ? steps(c).stream().filter(s -> s.action().equals(Step.GIVE_FEEDBACK.path())).toList() : List.of());
        model.put("mayChange", actor.mayActFor(c.agencyId()) && c.status() != ConsultationStatus.FEEDBACK_GIVEN
                && c.status() != ConsultationStatus.WITHDRAWN);
        model.put("done", done == null ? null : doneMessage(done));
        model.put("feedback", givenFeedback(id));
        return new ModelAndView<>("consultation", model);
    }

    @Get(value = "/{id}/notify", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmNotify(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, Step.NOTIFY, List.of(), "");
    }

    @Get(value = "/{id}/open", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmOpen(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, Step.OPEN, List.of(), "");
    }

    @Get(value = "/{id}/close", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmClose(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, Step.CLOSE, List.of(), "");
    }

    @Get(value = "/{id}/withdraw", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> confirmWithdraw(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return confirm(request, auth, id, Step.WITHDRAW, List.of(), "");
    }

    @Post(value = "/{id}/notify", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> notify(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        return step(request, auth, id, Step.NOTIFY, "", () -> lifecycle.notify(Actors.of(auth), id));
    }

    @Post(value = "/{id}/open", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> open(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        return step(request, auth, id, Step.OPEN, "", () -> lifecycle.open(Actors.of(auth), id));
    }

    @Post(value = "/{id}/close", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> close(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        return step(request, auth, id, Step.CLOSE, "", () -> lifecycle.close(Actors.of(auth), id));
    }

    @Post(value = "/{id}/withdraw", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> withdraw(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        String reason = FormData.parse(body).get("reason");
        return step(request, auth, id, Step.WITHDRAW, reason, () -> lifecycle.withdraw(Actors.of(auth), id, reason));
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private HttpResponse<?> step(HttpRequest<?> request, Authentication auth, Long id, Step step, String reason,
                                 Runnable run) {
        try {
            run.run();
            return HttpResponse.seeOther(URI.create("/consultations/" + id + "?done=" + step.path()));
        } catch (Refusal refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            return HttpResponse.status(ConsultationPageController.statusOf(refused))
                    .body(confirm(request, auth, id, step, ConsultationPageController.problems(refused), reason));
        }
    }

    private ModelAndView<Map<String, Object>> confirm(HttpRequest<?> request, Authentication auth, Long id, Step step,
                                                      List<FieldError> errors, String reason) {
        ConsultationView c = consultations.get(id);
        Actors.of(auth).requireMayActFor(c.agencyId());
        StepConfirmation.Words words = confirmation.of(step, c);
        RuleId.Gate gate = step.gate();
        List<Checklist.Item> blockers = gate == RuleId.Gate.NONE ? List.of() : Checklist.of(c.checks() == null ? List.of()
                : c.checks().stream().filter(ch -> ch.verdict() == Verdict.FAIL && ch.ruleId().gate() == gate).toList());
        Map<String, Object> model = pages.of(request, auth, words.heading());
        model.put("c", c);
        model.put("action", step.path());
        model.put("heading", words.heading());
        model.put("button", words.button());
        model.put("what", words.what());
        model.put("blockers", blockers);
        model.put("needsReason", step == Step.WITHDRAW);
        model.put("reason", reason);
        model.put("errors", FieldIds.errors(errors));
        model.put("fieldErrors", FieldIds.byField(errors));
        return new ModelAndView<>("confirm", model);
    }

    /** The steps the table allows from the consultation's status, each a link to its page. */
    private List<StepLink> steps(ConsultationView c) {
        String base = "/consultations/" + c.id();
        return Step.from(c.status()).stream()
                .map(s -> new StepLink(s.path(), s.label(), base + "/" + s.path(), s.ends())).toList();
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
        f.put("Status", Wording.code(c.status().name()));
        f.put("Next date", deadlines.next(c).isEmpty() ? "Nothing due" : deadlines.next(c));
        f.put(c.partnerAgencyIds().isEmpty() ? "Agency" : "Agencies (joint)", joint.agencies(c));
        f.put("Lead officer", c.leadOfficer());
        f.put("Opens on", Wording.day(c.opensOn()));
        f.put("Closes on", Wording.day(c.closesOn()));
        f.put("Notice deadline", Wording.day(deadlines.noticeDeadline(c)));
        f.put("Decision", Wording.day(c.decisionDate()) + (c.decisionMaker() == null ? "" : " by " + c.decisionMaker()));
        f.put("Themes", String.join(", ", c.themes()));
        f.put("Areas", c.areas().isEmpty() ? "The whole area" : String.join(", ", c.areas()));
        f.put("Audiences", String.join(", ", c.audiences().stream().map(Wording::code).toList()));
        f.put("Ways to take part", String.join(", ", c.methods().stream().map(Wording::code).toList()));
        f.put("Help offered", String.join(", ", c.provisions().stream().map(Wording::code).toList()));
        f.put("Languages", String.join(", ", c.languages()));
        f.put("Venues", String.join("; ", c.venues()));
        f.put("How to respond", TakingPartWords.respond(c.howToRespond()));
        f.put("Meetings and events", TakingPartWords.events(c.events()));
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
        String what = Wording.code(h.kind().name());
        if (h.fromStatus() != null && h.toStatus() != null) {
            what += " (" + Wording.code(h.fromStatus().name()) + " to " + Wording.code(h.toStatus().name()) + ")";
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

    @Nullable
    private static String doneMessage(String path) {
        return Step.byPath(path).map(Step::done).orElse(null);
    }
}
