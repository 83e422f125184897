package org.compact.tracker.security;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Registers the public bodies that signed the Compact. */
@Singleton
public class AgencyService {
    private final AgencyRepository agencies;
    private final Clock clock;

    AgencyService(AgencyRepository agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    public Agency register(NewAgency request) {
        Text.singleLine("name", request.name());
        Text.singleLine("kind", request.kind());
        Text.singleLine("complianceContactEmail", request.complianceContactEmail());
        String name = request.name().trim();
        if (agencies.findByNameIgnoringCase(name).isPresent()) {
            throw alreadyRegistered(name);
        }
        AgencyKind kind = request.kind() == null ? AgencyKind.COUNCIL : EnumCodes.parse(AgencyKind.class, request.kind(), "kind");
        try {
            return agencies.save(new Agency(null, name, kind, request.complianceContactEmail().trim(), clock.instant()));
        } catch (DataAccessException raced) {
            // the same name registered at the same moment by another request: the unique constraint caught it
            throw alreadyRegistered(name);
        }
    }

    private static Refusal alreadyRegistered(String name) {
        return Refusal.invalid("name", "An agency named '" + name + "' is already registered.");
    }

    public List<Agency> list() {
        return agencies.listOrderByName();
    }

    public Agency get(Long id) {
        return agencies.findById(id).orElseThrow(() -> Refusal.notFound("agency", id));
    }

    public Optional<Agency> find(Long id) {
        return agencies.findById(id);
    }
}
