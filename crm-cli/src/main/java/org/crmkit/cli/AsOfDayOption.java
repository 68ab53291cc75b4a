package org.crmkit.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.rules.Policy;
import picocli.CommandLine.Option;

/** {@code --as-of DATE} of the commands that decide for a day: by default today in the policy's time zone. */
final class AsOfDayOption {
    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "The day to decide for, e.g. 2026-03-31. Default: today in the policy's time zone.")
    Optional<LocalDate> day = Optional.empty();

    /**
     * The day meant.
     *
     * @param policy the policy, whose time zone says what day it is
     * @param clock the clock
     * @return the given day, or today in the policy's time zone
     */
    LocalDate resolve(Policy policy, Clock clock) {
        return day.orElseGet(() -> policy.header().today(clock));
    }
}
