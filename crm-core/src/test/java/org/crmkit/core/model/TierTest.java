package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TierTest {

    @ParameterizedTest
    @ValueSource(strings = {"core", "important", "strategic", "a", "Gold", "gold_1", "tier-2", "A1-b_2",
        "核心", "重要客户", "Ünal", "ทอง", "золото", "VIP2026", "सोना", "e\u0301lite"})
    void acceptsNamesThatStartWithALetterInAnyScript(String name) {
        assertThat(Tier.of(name).name()).isEqualTo(name);
        assertThat(Tier.of(name)).hasToString(name);
    }

    @Test
    void acceptsExactly32Characters() {
        String longest = "t" + "1".repeat(31);

        assertThat(Tier.of(longest).name()).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1gold", "_gold", "-gold", "gold tier", " gold", "gold ", "gold!", "gold.1",
        "gold\n", "金牌 客户", "a123456789012345678901234567890123"})
    void rejectsMalformedNamesQuotingThem(String name) {
        assertThatThrownBy(() -> Tier.of(name))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("Tier name must start with a letter and contain only letters, digits, '_' or '-'"
                        + " (at most 32), was '" + name + "'");
    }

    @Test
    void rejects33Characters() {
        String tooLong = "t".repeat(33);

        assertThatThrownBy(() -> Tier.of(tooLong))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessageEndingWith("(at most 32), was '" + tooLong + "'");
    }

    @Test
    void namesAreCaseSensitive() {
        assertThat(Tier.of("core")).isEqualTo(new Tier("core")).isNotEqualTo(Tier.of("Core"));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Tier.of(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
