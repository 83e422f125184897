package org.compact.tracker.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Wording;

import java.util.List;
import java.util.Map;

/**
 * An officer's consultations (admins and monitors: every agency's, monitors read-only) with the status, the next
 * date to watch and the red flags: failed or warned rules on notice, feedback and actions, failed mail, open concerns.
 */
@Controller("/dashboard")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class DashboardPageController {
    private static final int SHOWN = 200;

    private final RegisterReads consultations;
    private final ConcernService concerns;
    private final Deadlines deadlines;
    private final PageModel pages;
    private final JointWording joint;

    DashboardPageController(RegisterReads consultations, ConcernService concerns, Deadlines deadlines, PageModel pages,
                            JointWording joint) {
        this.joint = joint;
        this.consultations = consultations;
        this.concerns = concerns;
        this.deadlines = deadlines;
        this.pages = pages;
    }

    /** One consultation's line on the dashboard; {@code joint} says who it is shared with, null for one agency's. */
    public record Row(Long id, String title, String status, String statusLabel, String nextDeadline, List<String> flags,
               long failedDeliveries, long openConcerns, @io.micronaut.core.annotation.Nullable String joint) {
        public boolean flagged() {
            return !flags.isEmpty() || failedDeliveries > 0 || openConcerns > 0;
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    ModelAndView<Map<String, Object>> dashboard(HttpRequest<?> request, Authentication auth) {
        Actor actor = Actors.of(auth);
        boolean everyAgency = actor.isAdmin() || actor.roles().contains(Role.MONITOR);
        List<ConsultationView> listed = consultations.list(null, everyAgency ? null : actor.agencyId(), null, null, 0, SHOWN);
        List<Row> rows = listed.stream().map(c -> row(actor, c)).toList();
        Map<String, Object> model = pages.of(request, auth, "Your consultations");
        model.put("rows", rows);
        model.put("everyAgency", everyAgency);
        model.put("flagged", rows.stream().filter(Row::flagged).count());
        return new ModelAndView<>("dashboard", model);
    }

    private Row row(Actor actor, ConsultationView listed) {
        ConsultationView c = consultations.get(listed.id());
        Number failed = consultations.deliveries(c.id()).counts().getOrDefault("FAILED", 0L);
        long open = concerns.list(actor, c.id()).stream().filter(ConcernService.View::open).count();
        return new Row(c.id(), c.title(), c.status().name(), Wording.code(c.status().name()), deadlines.next(c),
                Checklist.flags(c.checks()), failed.longValue(), open, joint.note(actor, c));
    }
}
