package org.crmkit.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;

class InputProblemTest {
    @Test
    void printsAsCompilersReportLeavingOutWhatDoesNotApply() {
        assertThat(InputProblem.atColumn("orders.csv", 5, "amount", "not a decimal amount: '12,50'"))
                .hasToString("orders.csv:5: column 'amount': not a decimal amount: '12,50'");
        assertThat(InputProblem.atLine("orders.csv", 7, "row has 4 fields, the header has 5"))
                .hasToString("orders.csv:7: row has 4 fields, the header has 5");
        assertThat(InputProblem.inFile("orders.csv", "no such file")).hasToString("orders.csv: no such file");
        assertThat(InputProblem.atPath("policy.yaml", 12, "tiers[2].when.all[0].spend.gte", "must be a number"))
                .hasToString("policy.yaml:12: tiers[2].when.all[0].spend.gte: must be a number");
        assertThat(InputProblem.atPath("policy.yaml", 0, "tiers", "is required"))
                .hasToString("policy.yaml: tiers: is required");
        assertThat(InputProblem.atPath("policy.yaml", 0, "", "the document is empty"))
                .hasToString("policy.yaml: the document is empty");
    }

    @Test
    void tellsWhichColumnOrKeyPathItConcerns() {
        InputProblem column = InputProblem.atColumn("orders.csv", 5, "amount", "bad");
        InputProblem key = InputProblem.atPath("policy.yaml", 3, "tiers[0]", "bad");

        assertThat(column.column()).contains("amount");
        assertThat(column.keyPath()).isEmpty();
        assertThat(key.keyPath()).contains("tiers[0]");
        assertThat(key.column()).isEmpty();
        assertThat(InputProblem.inFile("f", "bad").field()).isEmpty();
    }

    @Test
    void movesDownForAPartReadApartButNotWhenItConcernsTheWholeInput() {
        assertThat(InputProblem.atColumn("o.csv", 3, "amount", "bad").movedDown(100))
                .isEqualTo(InputProblem.atColumn("o.csv", 103, "amount", "bad"));
        assertThat(InputProblem.inFile("o.csv", "bad").movedDown(100)).isEqualTo(InputProblem.inFile("o.csv", "bad"));
        assertThat(InputProblem.atLine("o.csv", 3, "first on line ").withMessageEnding("2"))
                .isEqualTo(InputProblem.atLine("o.csv", 3, "first on line 2"));
    }

    @Test
    void rejectsANegativeLineAndAnEmptyKeyPath() {
        assertThatThrownBy(() -> InputProblem.atLine("f", -1, "bad")).isInstanceOf(InvalidValueException.class)
                .hasMessage("line must not be negative, was -1");
        assertThatThrownBy(() -> new InputProblem.KeyPath("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new InputProblem("f", 1, Optional.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("message");
    }
}
