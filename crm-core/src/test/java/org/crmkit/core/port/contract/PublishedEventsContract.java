package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.port.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link PublishedEvents} implementation must show. An adapter's test extends
 * this class and implements {@link #newPublishedEvents()}; test methods are public so that
 * subclasses in other packages inherit them.
 */
public abstract class PublishedEventsContract {
    /** The shape of {@link org.crmkit.core.event.SlaEvent#key()}: case, milestone, cycle and kind. */
    private static final String BREACH = "k-1|first_response|0|SlaBreached";

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract PublishedEvents newPublishedEvents();

    @Test
    public void aNewKeyIsMarkedOnceAndThenKnown() {
        PublishedEvents published = newPublishedEvents();

        assertThat(published.markPublished(BREACH)).isTrue();
        assertThat(published.markPublished(BREACH)).isFalse();
        assertThat(published.markPublished(BREACH)).isFalse();
    }

    @Test
    public void keysAreMarkedIndependently() {
        PublishedEvents published = newPublishedEvents();
        published.markPublished(BREACH);

        assertThat(published.markPublished("k-1|first_response|1|SlaBreached")).isTrue();
        assertThat(published.markPublished("k-1|first_response|0|SlaWarning")).isTrue();
        assertThat(published.markPublished(BREACH)).isFalse();
        assertThat(published.markPublished("k-1|first_response|1|SlaBreached")).isFalse();
    }

    @Test
    public void keysThatDifferOnlyInCaseOrWhiteSpaceAreDifferentKeys() {
        PublishedEvents published = newPublishedEvents();
        published.markPublished(BREACH);

        assertThat(published.markPublished("K-1|first_response|0|SlaBreached")).isTrue();
        assertThat(published.markPublished(BREACH + " ")).isTrue();
        assertThat(published.markPublished(" " + BREACH)).isTrue();
        assertThat(published.markPublished(BREACH.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(published.markPublished(BREACH)).isFalse();
    }

    @Test
    public void marksKeysWithAnyCharacters() {
        PublishedEvents published = newPublishedEvents();
        String key = "投诉/2026-03|首次响应|0|SlaWarning 'quoted' \"twice\" ; -- 🚚";

        assertThat(published.markPublished(key)).isTrue();
        assertThat(published.markPublished(key)).isFalse();
    }

    @Test
    public void marksTheKeyOfACaseWithTheLongestId() {
        PublishedEvents published = newPublishedEvents();
        String key = "k".repeat(128) + "|resolution_within_business_hours|12|MilestoneMet";

        assertThat(published.markPublished(key)).isTrue();
        assertThat(published.markPublished(key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "\n \r\n"})
    public void rejectsABlankKey(String blank) {
        PublishedEvents published = newPublishedEvents();

        assertThatThrownBy(() -> published.markPublished(blank))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("key must not be blank");
    }
}
