package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Money;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How failures that escape from a command become messages and exit statuses. Import and policy
 * problems are covered end to end by the command tests; here the cases that input files cannot
 * reach since they are validated up front, such as a value that only evaluation finds invalid.
 */
class ErrorHandlersTest {
    private final StringWriter err = new StringWriter();

    private int handle(Exception failure) throws Exception {
        CommandLine crm = Crm.commandLine(CrmRun.CLOCK);
        crm.setErr(new PrintWriter(err));
        ParseResult parsed = crm.parseArgs("tier", "--customers", "c.csv", "--orders", "o.csv");
        CommandLine tier = parsed.subcommand().commandSpec().commandLine();
        return new ErrorHandlers.Execution().handleExecutionException(failure, tier, parsed);
    }

    @Test
    void anInvalidValueFromEvaluationIsBadInputWithItsMessageAndNoStackTrace() throws Exception {
        int status = handle(new InvalidValueException("CustomerMetrics tenureMonths must not be negative, was -1"));

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo(
                "crm tier: CustomerMetrics tenureMonths must not be negative, was -1\n");
    }

    @Test
    void aCurrencyMismatchIsBadInputWithItsMessage() throws Exception {
        int status = handle(new CurrencyMismatchException("Purchase 'o-17'", Money.currency("CNY"),
                Money.currency("USD")));

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo(
                "crm tier: Purchase 'o-17': currency USD does not match CNY (crmkit does not convert currencies)\n");
    }

    @Test
    void anythingElseIsStillAnUnexpectedErrorWithExitOne() throws Exception {
        int status = handle(new IllegalStateException("bug"));

        assertThat(status).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualTo("crm tier: unexpected error: java.lang.IllegalStateException: bug\n");
    }
}
