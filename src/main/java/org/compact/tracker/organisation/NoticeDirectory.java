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

/** The directory as the notices read it: the targets of a consultation, each with its contacts and opt-outs. */
@Singleton
class NoticeDirectory implements Directory {
    private final KeptDirectory directory;
    private final OrganisationService organisations;

    NoticeDirectory(KeptDirectory directory, OrganisationService organisations) {
        this.directory = directory;
        this.organisations = organisations;
    }

    @Override
    public List<Recipient> targeted(Targets targets, List<String> themes) {
        return directory.index()
                .targets(targets.organisationIds(), targets.areas(), targets.interests(), targets.communities())
                .stream().map(o -> recipient(o, themes)).toList();
    }

    @Override
    public Function<Long, Recipient> byId(List<String> themes) {
        DirectoryIndex index = directory.index();
        return id -> index.get(id) != null ? recipient(index.get(id), themes) : null;
    }

    @Override
    public Function<Long, String> names() {
        DirectoryIndex index = directory.index();
        return id -> index.get(id) != null ? index.get(id).name() : "(removed)";
    }

    @Override
    public Set<Long> weekly(Collection<Long> organisationIds) {
        return organisations.weekly(organisationIds);
    }

    private static Recipient recipient(Organisation o, List<String> themes) {
        return new Recipient(o.id(), o.name(), o.emails(), o.optedOutOf(themes), o.languages());
    }
}
