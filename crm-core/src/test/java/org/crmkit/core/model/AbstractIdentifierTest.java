package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every identifier record shares (ERP keys used unchanged, but no blank, padded, overlong
 * or control-character values). Each identifier's own test extends this and names its type.
 *
 * @param <I> the identifier type
 */
abstract class AbstractIdentifierTest<I extends Comparable<I>> {

    /** @return the type name the messages use, e.g. {@code "CustomerId"} */
    abstract String typeName();

    /** Creates the identifier through its public factory. */
    abstract I create(String value);

    /** Reads the identifier's value. */
    abstract String valueOf(I id);

    @ParameterizedTest
    @ValueSource(strings = {"c-1", "x", "ACME/0001", "客户-7", "two words", "o:2026:000017"})
    void acceptsErpKeysUnchanged(String value) {
        I id = create(value);

        assertThat(valueOf(id)).isEqualTo(value);
        assertThat(id).hasToString(value);
    }

    @Test
    void acceptsExactly128Characters() {
        String longest = "k".repeat(128);

        assertThat(valueOf(create(longest))).isEqualTo(longest);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("", " must not be blank, was ''"),
                Arguments.of("   ", " must not be blank, was '   '"),
                Arguments.of("\t\n", " must not be blank, was '\t\n'"),
                Arguments.of(" c-1", " must not start or end with white space, was ' c-1'"),
                Arguments.of("c-1 ", " must not start or end with white space, was 'c-1 '"),
                Arguments.of("c-1\n", " must not start or end with white space, was 'c-1\n'"),
                Arguments.of("\tc-1", " must not start or end with white space, was '\tc-1'"),
                Arguments.of("k".repeat(129), " must have at most 128 characters, was 129 long"),
                Arguments.of("k".repeat(1000), " must have at most 128 characters, was 1000 long"),
                Arguments.of("c\u00001", " must not contain control or invisible characters, was 'c\u00001'"),
                Arguments.of("c\t1", " must not contain control or invisible characters, was 'c\t1'"),
                Arguments.of("c\r\n1", " must not contain control or invisible characters, was 'c\r\n1'"),
                Arguments.of("c\u007F", " must not contain control or invisible characters, was 'c\u007F'"),
                Arguments.of("\u0007bell", " must not contain control or invisible characters, was '\u0007bell'"),
                // no-break and other Unicode spaces that String.strip keeps
                Arguments.of("\u00A0", " must not be blank, was '\u00A0'"),
                Arguments.of("\u00A0c-1\u00A0", " must not start or end with white space, was '\u00A0c-1\u00A0'"),
                Arguments.of("c-1\u202F", " must not start or end with white space, was 'c-1\u202F'"),
                Arguments.of("c-1\u200B", " must not contain control or invisible characters, was 'c-1\u200B'"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectsMalformedValuesNamingTheTypeAndQuotingTheValue(String value, String messageAfterTypeName) {
        assertThatThrownBy(() -> create(value))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage(typeName() + messageAfterTypeName);
    }

    @Test
    void rejectsNullNamingTheType() {
        assertThatThrownBy(() -> create(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage(typeName());
    }

    @Test
    void equalValuesAreEqualIds() {
        assertThat(create("c-1")).isEqualTo(create("c-1")).hasSameHashCodeAs(create("c-1"));
        assertThat(create("c-1")).isNotEqualTo(create("C-1"));
    }

    @Test
    void ordersByValue() {
        assertThat(create("a-2").compareTo(create("a-10"))).isPositive();
        assertThat(create("a-10").compareTo(create("a-2"))).isNegative();
        assertThat(create("a-2").compareTo(create("a-2"))).isZero();
    }
}
