package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

/** Rows are numbered in the order added and found again by key, whatever their hashes. */
class RowIndexTest {
    /** Keys held by the caller, as CustomerSummaries holds them, with a hash chosen by the test. */
    private static final class Keys {
        final List<Long> keys = new ArrayList<>();
        final RowIndex index;
        final HashOf hashOf;

        Keys(HashOf hashOf) {
            this.hashOf = hashOf;
            this.index = new RowIndex(row -> hashOf.of(keys.get(row)));
        }

        /** @return the key's row, adding it if no row has it */
        int rowOf(long key) {
            int row = index.find(hashOf.of(key), candidate -> keys.get(candidate) == key);
            if (row >= 0) {
                return row;
            }
            keys.add(key);
            return index.add();
        }

        int find(long key) {
            return index.find(hashOf.of(key), candidate -> keys.get(candidate) == key);
        }
    }

    @FunctionalInterface
    private interface HashOf {
        int of(long key);
    }

    @Test
    void rowsAreNumberedInTheOrderAddedAndFoundAgainAfterTheTableGrew() {
        Keys keys = new Keys(Long::hashCode);
        for (long key = 0; key < 10_000; key++) {
            assertThat(keys.rowOf(key * 1_000_003)).isEqualTo((int) key);
        }

        assertThat(keys.index.size()).isEqualTo(10_000);
        for (long key = 0; key < 10_000; key++) {
            assertThat(keys.find(key * 1_000_003)).isEqualTo((int) key);
        }
        assertThat(keys.find(7)).isEqualTo(-1);
    }

    @Test
    void keysThatShareOneHashAreStillToldApart() {
        Keys keys = new Keys(key -> 42);
        for (long key = 0; key < 300; key++) {
            keys.rowOf(key);
        }

        assertThat(keys.find(0)).isZero();
        assertThat(keys.find(299)).isEqualTo(299);
        assertThat(keys.find(300)).isEqualTo(-1);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        Keys keys = new Keys(Long::hashCode);

        assertThat(keys.find(0)).isEqualTo(-1);
        assertThat(keys.index.size()).isZero();
    }

    @Test
    void rowsAreTheFirstSeenOrderOfTheKeysAsALinkedHashMapKeepsIt() {
        // Few distinct keys and hashes of few bits, so keys repeat and collide.
        Property.forAll(Gens.longs(-40, 40).list(0, 400), Gens.integers(0, 31)).tries(300).check((sequence, bits) -> {
            Keys keys = new Keys(key -> (int) (key & ((1L << bits) - 1)));
            Map<Long, Integer> reference = new LinkedHashMap<>();

            for (long key : sequence) {
                reference.putIfAbsent(key, reference.size());
                assertThat(keys.rowOf(key)).isEqualTo(reference.get(key));
            }
            assertThat(keys.index.size()).isEqualTo(reference.size());
            assertThat(keys.find(41)).isEqualTo(-1);
        });
    }
}
