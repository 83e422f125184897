package org.compact.tracker.web;

/**
 * One example body for each request the API takes, as the OpenAPI document shows them (and as the worked example of
 * docs/api.md sends them): a client generator, Swagger UI's "Try it out" and a newcomer start from a body that is
 * accepted.
 */
final class ApiExamples {
    static final String NEW_AGENCY = """
            {"name": "Salford City Council", "kind": "COUNCIL", "complianceContactEmail": "compact@salford.gov.uk"}""";
    static final String NEW_USER = """
            {"username": "olivia.hughes", "password": "ordsall-riverside-2027", "email": "olivia.hughes@salford.gov.uk",
             "agencyId": 2, "roles": ["OFFICER"]}""";
    static final String USER_CHANGE = """
            {"enabled": true, "roles": ["OFFICER", "MONITOR"]}""";
    static final String PASSWORD_CHANGE = """
            {"currentPassword": "ordsall-riverside-2027", "newPassword": "langworthy-library-2028"}""";
    static final String NEW_ORGANISATION = """
            {"name": "Ordsall Tenants and Residents Association", "kind": "COMMUNITY_GROUP",
             "emails": ["secretary@ordsalltenants.org.uk"], "areas": ["Ordsall"], "interests": ["housing", "regeneration"],
             "communities": ["older people", "DEPRIVED_NEIGHBOURHOODS"]}""";
    static final String ORGANISATION_CHANGE = """
            {"interests": ["housing", "regeneration", "transport"], "optOut": {"all": false, "themes": ["licensing"]}}""";
    static final String NEW_CONSULTATION = """
            {"title": "New homes on the Ordsall depot site",
             "summary": "We plan to build new homes on the old council depot on Ordsall Lane. We want to know where the homes should go on the site, and what else the area needs.",
             "leadOfficer": "olivia.hughes", "themes": ["housing"], "areas": ["Ordsall"],
             "audiences": ["OLDER_PEOPLE", "SENSORY_IMPAIRMENTS", "GENERAL_PUBLIC"],
             "methods": ["ONLINE_SURVEY", "PAPER_SURVEY", "PUBLIC_MEETING"],
             "provisions": ["LARGE_PRINT", "BSL_INTERPRETER", "DAYTIME_MEETINGS"],
             "venues": ["Ordsall Hall community room"],
             "targets": {"areas": ["Ordsall"], "communities": ["SENSORY_IMPAIRMENTS"]},
             "openToChange": "Where the homes go on the site, and what else the site offers.",
             "fixed": "The number of homes (120), set by the Local Plan.",
             "decisionDate": "2027-06-10", "decisionMaker": "Lead Member for Housing",
             "opensOn": "2027-01-11", "closesOn": "2027-04-04"}""";
    static final String CONSULTATION_CHANGE = """
            {"priorWork": {"statement": "Searched the register back to 2023: no earlier consultation on the depot site."},
             "venues": []}""";
    static final String WITHDRAWAL = """
            {"reason": "The depot site is no longer for sale."}""";
    static final String NOTICE_RESEND = """
            {"organisationIds": [12, 15]}""";
    static final String TRANSLATION = """
            {"title": "Nowe domy w Ordsall", "summary": "Planujemy nowe domy na terenie starej zajezdni. Powiedz nam, gdzie powinny stanąć.",
             "openToChange": "Gdzie staną domy i co jeszcze zaoferuje teren", "fixed": "Liczba domów, ustalona w planie miejscowym"}""";
    static final String EXEMPTION = """
            {"ruleId": "DURATION", "reason": "The shelter must open before the cold-weather period; Cabinet set the date on 4 November."}""";
    static final String FEEDBACK = """
            {"youSaid": "Keep the green space by the canal.", "weDid": "The homes are set back to keep it.",
             "outcome": "CHANGED", "reasons": "Most answers asked for it.", "decidedOn": "2027-06-10",
             "responseCounts": {"ONLINE_SURVEY": 212, "PUBLIC_MEETING": 40},
             "actions": [{"what": "Publish the revised site plan", "owner": "olivia.hughes", "due": "2027-07-01"}]}""";
    static final String ACTION = """
            {"what": "Publish the revised site plan", "owner": "olivia.hughes", "due": "2027-07-01"}""";
    static final String ACTION_DONE = """
            {"done": true, "note": "Published on the council's site."}""";
    static final String PARTICIPANT = """
            {"name": "Ordsall Tenants", "email": "chair@ordsall-tenants.example", "consentAt": "2027-02-01"}""";
    static final String PARTICIPANTS_CSV = """
            name,email,consent_at
            Ordsall Tenants,chair@ordsall-tenants.example,2027-02-01
            "Smith, Jo",jo@example.org,2027-02-03 14:30
            """;
    static final String ANSWER = """
            {"answer": "The meeting on 3 February is moved to Ordsall Hall, which has step-free access."}""";
    static final String CLOCK = """
            {"now": "2027-01-11T09:00:00Z"}""";

    private ApiExamples() {
    }
}
