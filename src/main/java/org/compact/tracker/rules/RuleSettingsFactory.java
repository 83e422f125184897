package org.compact.tracker.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The council's own rule settings, read from {@code tracker.rules.*} with the catalogue's defaults where nothing is
 * set. Each property may come from an environment variable (TRACKER_RULES_NOTICE_PERIOD sets
 * {@code tracker.rules.notice.period}; a list is comma-separated there). A value that cannot be read stops the
 * service at start-up with the property's name, rather than silently keeping a rule the council changed.
 */
@Factory
public class RuleSettingsFactory {

    public static final String NOTICE_PERIOD = "tracker.rules.notice.period";
    public static final String PRIOR_WORK_LOOK_BACK = "tracker.rules.prior-work.look-back";
    public static final String ANALYSIS_PERIOD = "tracker.rules.influence.analysis";
    public static final String MINIMUM_DURATION = "tracker.rules.duration.minimum";
    public static final String OVERLOAD_CONCURRENT = "tracker.rules.overload.concurrent";
    public static final String OVERLOAD_PER_QUARTER = "tracker.rules.overload.per-quarter";
    public static final String EXPECTED_PROVISIONS = "tracker.rules.methods.expected-provisions";
    public static final String THEME_GROUPS = "tracker.rules.inclusion.theme-groups";
    public static final String MINIMUM_READING_EASE = "tracker.rules.clear-language.minimum-reading-ease";
    public static final String MAXIMUM_SENTENCE_WORDS = "tracker.rules.clear-language.maximum-sentence-words";
    public static final String JARGON = "tracker.rules.clear-language.jargon";
    public static final String EXCLUDED_GROUPS = "tracker.rules.excluded-groups";

    /** Created with the context ({@link Context}), so that a bad value stops start-up, not a later request. */
    @Context
    @Singleton
    public RuleSettings ruleSettings(Environment environment) {
        return read(environment);
    }

    /**
     * The settings from any property source, each missing property taken from {@link RuleSettings#defaults()}.
     *
     * @throws ConfigurationException naming the property whose value cannot be read
     */
    public static RuleSettings read(PropertyResolver properties) {
        RuleSettings defaults = RuleSettings.defaults();
        return new RuleSettings(
                period(properties, NOTICE_PERIOD, defaults.noticePeriod()),
                period(properties, PRIOR_WORK_LOOK_BACK, defaults.priorWorkLookBack()),
                period(properties, ANALYSIS_PERIOD, defaults.analysisPeriod()),
                period(properties, MINIMUM_DURATION, defaults.minimumDuration()),
                number(properties, OVERLOAD_CONCURRENT, defaults.overloadConcurrent(), Integer::valueOf),
                number(properties, OVERLOAD_PER_QUARTER, defaults.overloadPerQuarter(), Integer::valueOf),
                table(properties, EXPECTED_PROVISIONS, defaults.expectedProvisions(), CodeTable.KeyCase.UPPER),
                table(properties, THEME_GROUPS, defaults.themeGroups(), CodeTable.KeyCase.LOWER),
                number(properties, MINIMUM_READING_EASE, defaults.minimumReadingEase(), Double::valueOf),
                number(properties, MAXIMUM_SENTENCE_WORDS, defaults.maximumSentenceWords(), Integer::valueOf),
                list(properties, JARGON).map(RuleSettingsFactory::lowerCase).orElse(defaults.jargon()),
                list(properties, EXCLUDED_GROUPS).map(RuleSettingsFactory::groups).orElse(defaults.excludedGroups()));
    }

    private static Period period(PropertyResolver properties, String name, Period fallback) {
        return text(properties, name).map(value -> {
            try {
                return Period.parse(value);
            } catch (DateTimeParseException e) {
                throw new ConfigurationException(name + ": '" + value
                        + "' is not an ISO-8601 period such as P1M (a month) or P12W (twelve weeks)", e);
            }
        }).orElse(fallback);
    }

    private static <N extends Number> N number(PropertyResolver properties, String name, N fallback,
            Function<String, N> parse) {
        return text(properties, name).map(value -> {
            try {
                return parse.apply(value);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name + ": '" + value + "' is not a number", e);
            }
        }).orElse(fallback);
    }

    private static Map<String, Set<String>> table(PropertyResolver properties, String name,
            Map<String, Set<String>> fallback, CodeTable.KeyCase keyCase) {
        return list(properties, name).map(rows -> {
            try {
                return CodeTable.parse(rows, keyCase);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(name + ": " + e.getMessage(), e);
            }
        }).orElse(fallback);
    }

    private static Optional<String> text(PropertyResolver properties, String name) {
        return properties.getProperty(name, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Optional<List<String>> list(PropertyResolver properties, String name) {
        return properties.getProperty(name, Argument.listOf(String.class))
                .map(values -> values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList());
    }

    /** Audience codes however typed ("Gypsies and travellers" is GYPSIES_AND_TRAVELLERS), each once, in order. */
    private static List<String> groups(List<String> names) {
        return List.copyOf(CatalogueCodes.normaliseAll(names));
    }

    private static List<String> lowerCase(List<String> words) {
        return words.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
    }
}
