package org.compact.tracker.organisation;

import jakarta.inject.Singleton;
import org.compact.tracker.support.ConsultationStamps;

/**
 * The directory, indexed by area, interest and community, kept under the directory's stamp (read before the
 * organisations): every change to an organisation moves that stamp in its transaction, on any node, so the index is
 * built again only after a change to the directory. Reading a consultation's targets then costs a few hash look-ups,
 * whatever the size of the directory, instead of loading every organisation.
 */
@Singleton
public class KeptDirectory {
    private final OrganisationRepository organisations;
    private final ConsultationStamps stamps;
    private volatile Kept kept;

    private record Kept(long stamp, DirectoryIndex index) {
    }

    KeptDirectory(OrganisationRepository organisations, ConsultationStamps stamps) {
        this.organisations = organisations;
        this.stamps = stamps;
    }

    /** The directory as it is now, on any node. */
    public DirectoryIndex index() {
        long now = stamps.directory();
        Kept k = kept;
        if (k != null && k.stamp() == now) {
            return k.index();
        }
        DirectoryIndex index = DirectoryIndex.of(organisations.listOrderByName());
        if (k == null || now > k.stamp()) {
            kept = new Kept(now, index);
        }
        return index;
    }
}
