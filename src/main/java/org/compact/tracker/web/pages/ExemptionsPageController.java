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
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.Exemptions;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.consultation.Exemption;
import org.compact.tracker.rules.Check;
import org.compact.tracker.rules.RuleId;
import org.compact.tracker.rules.Verdict;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.web.forms.FormData;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A consultation's exemptions: each decision to go ahead although a rule is not met, with its written reason, and
 * the form that records one through the same service and checks as {@code POST /api/consultations/{id}/exemptions}
 * (a rule that can be exempted, a reason of at least ten characters, not after feedback or withdrawal).
 */
@Controller("/consultations/{id}/exemptions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ExemptionsPageController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final RegisterReads consultations;
    private final Exemptions exemptions;
    private final PageModel pages;
    private final Clock clock;

    ExemptionsPageController(RegisterReads consultations, Exemptions exemptions, PageModel pages, Clock clock) {
        this.consultations = consultations;
        this.exemptions = exemptions;
        this.pages = pages;
        this.clock = clock;
    }

    /** A recorded exemption as the page lists it. */
    public record Row(String ruleId, String rule, String reason, String by, String when) {
    }

    /** A rule to choose, with why it might need an exemption now. */
    public record RuleChoice(String code, String label, boolean selected) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                                           @Nullable @QueryValue String rule, @Nullable @QueryValue String done) {
        ModelAndView<Map<String, Object>> page = page(request, auth, id, rule == null ? "" : rule, "", List.of(), Map.of());
        page.getModel().ifPresent(m -> m.put("done", done != null));
        return page;
    }

    @Post(produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> record(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        FormData form = FormData.parse(body);
        String ruleId = form.get("ruleId");
        String reason = form.get("reason");
        try {
            exemptions.record(Actors.of(auth), id,
                    EnumCodes.parse(RuleId.class, ruleId.isBlank() ? null : ruleId, "ruleId"), reason);
            return ConsultationPart.done("/consultations/" + id + "/exemptions?done=1");
        } catch (Refusal refused) {
            return ConsultationPart.refusedOn(refused, page(request, auth, id, ruleId, reason,
                    ConsultationPart.errors(refused, e -> FieldIds.label(e.field()), ExemptionsPageController::fieldId),
                    ConsultationPart.fieldErrors(refused, ExemptionsPageController::fieldId)));
        }
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication auth, Long id, String rule,
                                                   String reason, List<FieldIds.Error> errors, Map<String, String> fieldErrors) {
        ConsultationSummary summary = ConsultationPart.readable(consultations, auth, id);
        ConsultationView c = consultations.get(id);
        Map<String, Object> model = ConsultationPart.model(pages, request, auth, summary, "Exemptions", errors, fieldErrors);
        List<Exemption> recorded = c.exemptions() == null ? List.of() : c.exemptions();
        model.put("exemptions", recorded.stream().map(e -> new Row(e.ruleId().name(), Checklist.name(e.ruleId()),
                e.reason(), e.recordedBy(), WHEN.format(e.recordedAt().atZone(clock.getZone())))).toList());
        List<Check> notMet = c.checks() == null ? List.of() : c.checks().stream()
                .filter(ch -> ch.verdict() == Verdict.FAIL || ch.verdict() == Verdict.WARN)
                .filter(ch -> ch.ruleId().exemptable()).toList();
        model.put("notMet", Checklist.of(notMet));
        String chosen = rule.strip().toUpperCase(Locale.ROOT);
        model.put("rules", RuleId.EXEMPTABLE.stream()
                .map(r -> new RuleChoice(r.name(), r.name() + ": " + Checklist.name(r), r.name().equals(chosen))).toList());
        model.put("ruleChosen", !chosen.isEmpty() && Arrays.stream(RuleId.values()).anyMatch(r -> r.name().equals(chosen)));
        model.put("reason", reason);
        model.put("mayRecord", (Boolean) model.get("mayChange") && !ConsultationPart.closedForGood(summary));
        return new ModelAndView<>("exemptions", model);
    }

    private static String fieldId(org.compact.tracker.support.FieldError e) {
        return e.field() == null ? null : e.field().startsWith("reason") ? "reason" : "ruleId";
    }
}
