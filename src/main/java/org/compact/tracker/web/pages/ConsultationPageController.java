package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import jakarta.validation.Validator;
import org.compact.tracker.consultation.ConsultationRequest;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.Register;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.programme.EarlierWorkService;
import org.compact.tracker.rules.Check;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.web.forms.BodyChecks;
import org.compact.tracker.web.forms.FormData;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The consultation form with its rule checklist: registering (/consultations/new) and changing
 * (/consultations/{id}/edit). Saving, or the Check button, saves and shows the checklist of the saved consultation,
 * worked out by the same policies as the API. A refusal is shown as an error summary linked to the fields.
 */
@Controller("/consultations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ConsultationPageController {
    private static final int MAX_LISTED_ORGANISATIONS = 300;

    private final RegisterReads consultations;
    private final Register register;
    private final OrganisationService organisations;
    private final EarlierWorkService earlierWork;
    private final PageModel pages;
    private final Validator validator;
    private final JointWording joint;

    ConsultationPageController(RegisterReads consultations, Register register, OrganisationService organisations,
                               EarlierWorkService earlierWork, PageModel pages, Validator validator, JointWording joint) {
        this.validator = validator;
        this.joint = joint;
        this.consultations = consultations;
        this.register = register;
        this.organisations = organisations;
        this.earlierWork = earlierWork;
        this.pages = pages;
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> newForm(HttpRequest<?> request, Authentication auth) {
        return form(request, auth, null, ConsultationForm.empty(auth.getName()), List.of(), false);
    }

    @Post(value = "/new", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> register(HttpRequest<?> request, Authentication auth, @Nullable @Body String body) {
        ConsultationForm form = ConsultationForm.read(FormData.parse(body));
        List<FieldError> errors = new ArrayList<>();
        ConsultationRequest r = form.toRequest(errors);
        errors.addAll(BodyChecks.problems(validator, r));
        try {
            if (!errors.isEmpty()) {
                throw Refusal.invalid(errors);
            }
            ConsultationView saved = register.register(Actors.of(auth), r);
            return HttpResponse.seeOther(URI.create("/consultations/" + saved.id() + "/edit?saved=1"));
        } catch (Refusal refused) {
            return HttpResponse.status(statusOf(refused))
                    .body(form(request, auth, null, form, problems(refused), false));
        }
    }

    @Get(value = "/{id}/edit", produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> editForm(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                                               @Nullable @QueryValue String saved) {
        ConsultationView c = consultations.get(id);
        Actors.of(auth).requireMayActFor(c.agencyId());
        return form(request, auth, c, ConsultationForm.of(c), List.of(), saved != null);
    }

    @Post(value = "/{id}/edit", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> update(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        ConsultationForm form = ConsultationForm.read(FormData.parse(body));
        List<FieldError> errors = new ArrayList<>();
        ConsultationRequest r = form.toRequest(errors);
        errors.addAll(BodyChecks.problems(validator, r));
        try {
            if (!errors.isEmpty()) {
                throw Refusal.invalid(errors);
            }
            register.update(Actors.of(auth), id, r, form.expectedVersion());
            return HttpResponse.seeOther(URI.create("/consultations/" + id + "/edit?saved=1"));
        } catch (Refusal refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            ConsultationView current = consultations.get(id);
            return HttpResponse.status(statusOf(refused))
                    .body(form(request, auth, current, form, problems(refused), false));
        }
    }

    /**
     * The checklist and the similar earlier consultations of the form as typed, saving nothing: the form's script
     * posts the whole form here as fields change and puts the answer beside it. A form the service would refuse
     * outright keeps the checklist empty, with the reason.
     */
    @Post(value = "/preview", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> previewNew(HttpRequest<?> request, Authentication auth, @Nullable @Body String body) {
        return preview(request, auth, null, body);
    }

    @Post(value = "/{id}/preview", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> previewSaved(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                                                   @Nullable @Body String body) {
        return preview(request, auth, id, body);
    }

    private ModelAndView<Map<String, Object>> preview(HttpRequest<?> request, Authentication auth, @Nullable Long id,
                                                      @Nullable String body) {
        ConsultationForm form = ConsultationForm.read(FormData.parse(body));
        List<FieldError> errors = new ArrayList<>();
        ConsultationRequest r = form.toRequest(errors);
        errors.addAll(BodyChecks.problems(validator, r));
        Map<String, Object> model = pages.of(request, auth, "Checklist");
        List<Check> checks = List.of();
        String problem = null;
        try {
            if (!errors.isEmpty()) {
                throw Refusal.invalid(errors);
            }
            checks = register.preview(Actors.of(auth), id, r);
        } catch (Refusal refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            problem = FieldIds.errors(problems(refused)).get(0).text();
        }
        model.put("checklist", Checklist.of(checks));
        model.put("draft", true);
        model.put("draftProblem", problem);
        model.put("similar", SimilarProposals.of(earlierWork, Actors.of(auth), id, form));
        return new ModelAndView<>("consultation-preview", model);
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private ModelAndView<Map<String, Object>> form(HttpRequest<?> request, Authentication auth, @Nullable ConsultationView c,
                                                   ConsultationForm form, List<FieldError> errors, boolean saved) {
        Map<String, Object> model = pages.of(request, auth, c == null ? "Register a consultation" : "Change " + c.title());
        model.put("heading", c == null ? "Register a consultation" : "Change the consultation");
        model.put("consultation", c);
        model.put("form", form);
        model.put("action", c == null ? "/consultations/new" : "/consultations/" + c.id() + "/edit");
        model.put("errors", FieldIds.errors(errors));
        model.put("fieldErrors", FieldIds.byField(errors));
        model.put("checklist", c == null ? List.of() : Checklist.of(c.checks()));
        model.put("saved", saved);
        model.put("organisations", organisationChoices(form));
        model.put("partnerChoices", joint.choices(c == null ? Actors.of(auth).agencyId() : c.agencyId(), form.partnerAgencies));
        model.put("similar", SimilarProposals.of(earlierWork, Actors.of(auth), c == null ? null : c.id(), form));
        model.put("previewUrl", c == null ? "/consultations/preview" : "/consultations/" + c.id() + "/preview");
        return new ModelAndView<>("consultation-form", model);
    }

    /** A named organisation to tick, from the shared directory. */
    public record OrganisationChoice(String id, String name, boolean checked) {
    }

    private List<OrganisationChoice> organisationChoices(ConsultationForm form) {
        List<Organisation> directory = organisations.search(null, null, null);
        if (directory.size() > MAX_LISTED_ORGANISATIONS) {
            return List.of();
        }
        return directory.stream().sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                .map(o -> new OrganisationChoice(String.valueOf(o.id()), o.name(),
                        form.targetOrganisations.contains(String.valueOf(o.id())))).toList();
    }

    static HttpStatus statusOf(Refusal refused) {
        try {
            return HttpStatus.valueOf(refused.status());
        } catch (IllegalArgumentException e) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
    }

    /** The refusal's field errors, or its detail as one line when it names no field. */
    static List<FieldError> problems(Refusal refused) {
        if (!refused.errors().isEmpty()) {
            return refused.errors();
        }
        return List.of(new FieldError(null, null, refused.getMessage()));
    }
}
