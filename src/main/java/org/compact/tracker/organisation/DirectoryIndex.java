package org.compact.tracker.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory indexed by area, interest and community (names compared as {@link Organisation#normalise} does), so
 * that finding the organisations a consultation targets costs a few look-ups, not a scan of the whole directory for
 * every consultation.
 */
public final class DirectoryIndex {
    private final Map<Long, Organisation> byId = new LinkedHashMap<>();
    private final Map<String, List<Organisation>> byArea = new HashMap<>();
    private final Map<String, List<Organisation>> byInterest = new HashMap<>();
    private final Map<String, List<Organisation>> byCommunity = new HashMap<>();

    private DirectoryIndex(List<Organisation> directory) {
        for (Organisation o : directory) {
            byId.put(o.id(), o);
            index(byArea, o.areas(), o);
            index(byInterest, o.interests(), o);
            index(byCommunity, o.communities(), o);
        }
    }

    public static DirectoryIndex of(List<Organisation> directory) {
        return new DirectoryIndex(directory);
    }

    public Organisation get(Long id) {
        return byId.get(id);
    }

    public Collection<Organisation> all() {
        return byId.values();
    }

    /**
     * The organisations named, and those serving any of the areas, sharing any of the interests or representing any
     * of the communities, each once, in directory order.
     */
    public List<Organisation> targets(Collection<Long> ids, Collection<String> areas, Collection<String> interests,
                                      Collection<String> communities) {
        Map<Long, Organisation> found = new HashMap<>();
        for (Long id : ids) {
            Organisation o = byId.get(id);
            if (o != null) {
                found.put(id, o);
            }
        }
        collect(found, byArea, areas);
        collect(found, byInterest, interests);
        collect(found, byCommunity, communities);
        if (found.isEmpty()) {
            return List.of();
        }
        return byId.values().stream().filter(o -> found.containsKey(o.id())).toList();
    }

    private static void index(Map<String, List<Organisation>> index, List<String> keys, Organisation o) {
        for (String key : keys) {
            index.computeIfAbsent(Organisation.normalise(key), k -> new java.util.ArrayList<>()).add(o);
        }
    }

    private static void collect(Map<Long, Organisation> found, Map<String, List<Organisation>> index, Collection<String> keys) {
        for (String key : keys) {
            for (Organisation o : index.getOrDefault(Organisation.normalise(key), List.of())) {
                found.put(o.id(), o);
            }
        }
    }
}
