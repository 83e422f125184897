package org.compact.tracker.organisation;

import jakarta.inject.Singleton;
import org.compact.tracker.notice.Directory;
import org.compact.tracker.notice.Recipient;
import org.compact.tracker.notice.Targets;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The directory as the notices read it: the targets of a consultation, each with its contacts and opt-outs. */
@Singleton
class NoticeDirectory implements Directory {
    private final OrganisationService organisations;

    NoticeDirectory(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Override
    public List<Recipient> targeted(Targets targets, List<String> themes) {
        return DirectoryIndex.of(organisations.search(null, null, null))
                .targets(targets.organisationIds(), targets.areas(), targets.interests(), targets.communities())
                .stream().map(o -> recipient(o, themes)).toList();
    }

    @Override
    public Function<Long, Recipient> byId(List<String> themes) {
        Map<Long, Organisation> byId = organisations.search(null, null, null).stream()
                .collect(Collectors.toMap(Organisation::id, o -> o));
        return id -> byId.containsKey(id) ? recipient(byId.get(id), themes) : null;
    }

    @Override
    public Function<Long, String> names() {
        Map<Long, String> names = organisations.search(null, null, null).stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name));
        return id -> names.getOrDefault(id, "(removed)");
    }

    @Override
    public Set<Long> weekly(Collection<Long> organisationIds) {
        return organisations.weekly(organisationIds);
    }

    private static Recipient recipient(Organisation o, List<String> themes) {
        return new Recipient(o.id(), o.name(), o.emails(), o.optedOutOf(themes), o.languages());
    }
}
