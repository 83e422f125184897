package org.compact.tracker.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.compact.tracker.clock.SimClock;
import org.compact.tracker.mail.MailRelay;
import org.compact.tracker.consultation.ConsultationRequest;
import org.compact.tracker.consultation.DueSteps;
import org.compact.tracker.consultation.Lifecycle;
import org.compact.tracker.consultation.Register;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.feedback.FeedbackRequest;
import org.compact.tracker.feedback.FeedbackService;
import org.compact.tracker.organisation.OrganisationRequest;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Agency;
import org.compact.tracker.security.AgencyService;
import org.compact.tracker.security.NewAgency;
import org.compact.tracker.security.NewUser;
import org.compact.tracker.security.Role;
import org.compact.tracker.security.UserService;
import org.compact.tracker.security.UserView;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads a Salford partnership on first start in the {@code demo} environment: three agencies with an officer each
 * and a monitor, thirty organisations across the city's wards, and consultations in every status reached by walking
 * the real transitions with the clock set back in time.
 */
@Singleton
@Requires(env = "demo")
class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String[] WARDS = {"Ordsall", "Kersal", "Broughton", "Irlam", "Cadishead", "Eccles", "Swinton",
            "Walkden", "Little Hulton", "Pendlebury", "Claremont", "Weaste and Seedley", "Langworthy", "Winton", "Worsley"};
    private static final String[] INTERESTS = {"housing", "health", "transport", "youth services", "social care",
            "environment", "community safety", "employment", "libraries", "parks"};
    private static final String[] COMMUNITIES = {"OLDER_PEOPLE", "YOUNG_PEOPLE", "CARERS", "MINORITY_ETHNIC",
            "REFUGEES_ASYLUM_SEEKERS", "LEARNING_DIFFICULTIES", "SENSORY_IMPAIRMENTS", "PHYSICAL_DISABILITIES",
            "MENTAL_HEALTH", "LONE_PARENTS", "LGBT", "WOMEN", "FAITH_GROUPS", "DEPRIVED_NEIGHBOURHOODS", "LOW_SKILLS"};
    private static final String[] KINDS = {"COMMUNITY_GROUP", "VOLUNTARY_ORGANISATION", "SOCIAL_ENTERPRISE", "COMMUNITY_ENTERPRISE"};

    private final AgencyService agencies;
    private final UserService users;
    private final OrganisationService organisations;
    private final Register register;
    private final Lifecycle lifecycle;
    private final DueSteps due;
    private final FeedbackService feedback;
    private final MailRelay relay;
    private final Clock clock;
    private final String password;

    DemoData(AgencyService agencies, UserService users, OrganisationService organisations,
             Register register, Lifecycle lifecycle, DueSteps due, FeedbackService feedback, MailRelay relay, Clock clock,
             @Nullable @Value("${tracker.admin.password:}") String adminPassword) {
        this.agencies = agencies;
        this.users = users;
        this.organisations = organisations;
        this.register = register;
        this.lifecycle = lifecycle;
        this.due = due;
        this.feedback = feedback;
        this.relay = relay;
        this.clock = clock;
        this.password = adminPassword == null || adminPassword.length() < 12 ? null : adminPassword;
    }

    @EventListener
    void load(StartupEvent event) {
        if (agencies.list().stream().anyMatch(a -> a.name().equals("Salford City Council"))) {
            return;
        }
        SimClock sim = (SimClock) clock;
        String secret = password != null ? password : randomPassword();
        Agency council = agencies.register(new NewAgency("Salford City Council", "COUNCIL", "compact@salford.example"));
        Agency nhs = agencies.register(new NewAgency("Northern Care Alliance NHS Foundation Trust", "NHS_TRUST",
                "engagement@nca.example"));
        Agency police = agencies.register(new NewAgency("Greater Manchester Police (Salford)", "POLICE",
                "salford.engagement@gmp.example"));
        Actor olivia = officer("olivia", council, secret);
        Actor nadia = officer("nadia", nhs, secret);
        Actor priya = officer("priya", police, secret);
        users.create(new NewUser("monty", secret, "monty@salford-cvs.example", council.id(), Set.of("MONITOR"), "Monty Hughes"));
        List<Long> orgs = directory();

        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        try {
            sim.set(today.minusMonths(8).atTime(9, 0).atZone(zone).toInstant());
            ConsultationView closed = register(olivia, "Ordsall riverside regeneration",
                    today.minusMonths(7), List.of("regeneration", "housing"), List.of("Ordsall"), orgs.subList(0, 6));
            lifecycle.notify(olivia, closed.id());
            ConsultationView open = register(nadia, "Changes to community mental health services",
                    today.minusMonths(1), List.of("health", "social care"), List.of(), orgs.subList(4, 14),
                    List.of(council.id()));
            lifecycle.notify(nadia, open.id());
            ConsultationView overdue = register(priya, "Cadishead park: lighting and safety",
                    today.minusMonths(6), List.of("community safety", "parks"), List.of("Cadishead"), orgs.subList(2, 9));
            lifecycle.notify(priya, overdue.id());
            // NOTICE counts from each organisation's receipt: the notices are delivered the day they are sent
            relay.deliverDue();
            sim.set(today.minusMonths(7).atTime(9, 0).atZone(zone).toInstant());
            due.openAndCloseDue();
            sim.set(today.minusMonths(6).atTime(9, 0).atZone(zone).toInstant());
            due.openAndCloseDue();
            sim.set(closed.closesOn().plusDays(1).atTime(9, 0).atZone(zone).toInstant());
            due.openAndCloseDue();
            sim.set(today.minusMonths(2).atTime(9, 0).atZone(zone).toInstant());
            feedback.record(olivia, closed.id(), new FeedbackRequest(
                    "143 people and 9 groups answered. Most want homes for families, a safe riverside path and no "
                            + "loss of the community garden.",
                    "Cabinet approved the plan with 40 family homes, a lit riverside path, and the garden kept.",
                    "PARTLY_CHANGED", "The number of homes is set by the Local Plan and could not change.",
                    "https://www.salford.example/ordsall-riverside-feedback", today.minusMonths(2),
                    Map.of("ONLINE_SURVEY", 118, "PAPER_SURVEY", 16, "PUBLIC_MEETING", 9),
                    List.of(new FeedbackRequest.ActionRequest("Publish the revised site plan", "olivia", today.minusMonths(1)),
                            new FeedbackRequest.ActionRequest("Report back on the riverside lighting", "olivia",
                                    today.plusMonths(2)))));
            sim.set(today.minusMonths(1).atTime(9, 0).atZone(zone).toInstant());
            due.openAndCloseDue();
            sim.set(today.minusWeeks(2).atTime(9, 0).atZone(zone).toInstant());
            ConsultationView notified = register(priya, "Neighbourhood policing priorities for Eccles",
                    today.plusMonths(1), List.of("community safety"), List.of("Eccles"), orgs.subList(10, 16));
            lifecycle.notify(priya, notified.id());
            relay.deliverDue();
        } finally {
            sim.release();
        }
        register(olivia, "Library opening hours", today.plusMonths(3), List.of("libraries"), List.of(), orgs.subList(14, 24));
        ConsultationView withdrawn = register(olivia, "Walkden bus station car park charges", today.plusMonths(2),
                List.of("transport"), List.of("Walkden"), orgs.subList(20, 26));
        lifecycle.withdraw(olivia, withdrawn.id(), "Transport for Greater Manchester has taken the car park back; "
                + "it will consult on it itself.");
        LOG.warn("Demo data loaded: officers olivia (council), nadia (NHS), priya (police), monitor monty; password {}",
                password != null ? "as TRACKER_ADMIN_PASSWORD" : secret);
    }

    private Actor officer(String name, Agency agency, String secret) {
        UserView u = users.create(new NewUser(name, secret, name + "@" + agency.complianceContactEmail().split("@")[1],
                agency.id(), Set.of("OFFICER"), switch (name) {
                    case "olivia" -> "Olivia Bennett";
                    case "nadia" -> "Nadia Rahman";
                    case "priya" -> "Priya Shah";
                    default -> null;
                }));
        return new Actor(u.username(), agency.id(), Set.of(Role.OFFICER));
    }

    private List<Long> directory() {
        List<Long> ids = new ArrayList<>();
        String[] names = {"Tenants Association", "Youth Forum", "Carers Centre", "Community Trust", "Age Friendly Group",
                "Refugee Welcome", "Deaf Club", "Mind", "Food Bank", "Women's Network"};
        for (int i = 0; i < 30; i++) {
            String ward = WARDS[i % WARDS.length];
            String name = ward + " " + names[i % names.length];
            ids.add(organisations.register(new OrganisationRequest(name, KINDS[i % KINDS.length],
                    List.of("contact@" + name.toLowerCase().replaceAll("[^a-z]+", "-") + ".example"),
                    List.of(ward), List.of(INTERESTS[i % INTERESTS.length], INTERESTS[(i + 3) % INTERESTS.length]),
                    List.of(COMMUNITIES[i % COMMUNITIES.length]),
                    i % 5 == 2 ? List.of("LARGE_PRINT", "EASY_READ") : List.of(), i % 9 == 4 ? List.of("Polish") : List.of(),
                    new OrganisationRequest.OptOut(i % 13 == 12, i % 7 == 6 ? List.of("transport") : List.of()), null),
                    "demo").id());
        }
        return ids;
    }

    private ConsultationView register(Actor officer, String title, LocalDate opensOn, List<String> themes,
                                      List<String> areas, List<Long> targets) {
        return register(officer, title, opensOn, themes, areas, targets, null);
    }

    /** A consultation of {@code officer}'s agency; with {@code partners}, a joint one with those agencies. */
    private ConsultationView register(Actor officer, String title, LocalDate opensOn, List<String> themes,
                                      List<String> areas, List<Long> targets, List<Long> partners) {
        return register.register(officer, new ConsultationRequest(title,
                "We want to hear your views on " + title.toLowerCase() + ". Tell us what works for you, what does not, "
                        + "and what we should change. You can answer online, on paper or at a meeting near you.",
                null, null, themes, areas, List.of("OLDER_PEOPLE", "CARERS", "DEPRIVED_NEIGHBOURHOODS", "GENERAL_PUBLIC"),
                List.of("ONLINE_SURVEY", "PAPER_SURVEY", "PUBLIC_MEETING"),
                new ConsultationRequest.Targets(targets, List.of(), List.of(), List.of()),
                "How the service is arranged and where it is delivered", "The budget set by full council",
                opensOn.plusWeeks(12).plusWeeks(8), "Cabinet", opensOn, opensOn.plusWeeks(12),
                List.of("LARGE_PRINT", "PAPER_OPTION", "REPLACEMENT_CARE", "EVENING_MEETINGS", "LOCAL_VENUE", "EXPENSES"),
                List.of("Urdu", "Polish"), List.of("Salford Civic Centre, Swinton"),
                new HowToRespond("https://www.salford.example/have-your-say/"
                        + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"), "consultation@salford.example",
                        "Freepost Consultations, Salford Civic Centre, Chorley Road, Swinton M27 5AW"),
                List.of(new ConsultationEvent("Public meeting", opensOn.plusDays(9).atTime(18, 30),
                        opensOn.plusDays(9).atTime(20, 0), "Salford Civic Centre, Swinton",
                        "Tea and coffee from 18:00. Travel costs paid on the night.",
                        List.of("HEARING_LOOP", "ACCESSIBLE_VENUE", "EXPENSES"))),
                new ConsultationRequest.PriorWork(List.of(), "No consultation on this subject in the last three years."), partners));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
