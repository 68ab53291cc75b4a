package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Money;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvAgendaInputsTest {
    private static final String CUSTOMERS = "customer_id,name,created_on,account_manager,time_zone,preferred_channel,"
            + "preferred_days,preferred_hours,do_not_contact,strategic_agreement,industry\n"
            + "c-2,\"Zhang, \"\"Wei\"\"\",2024-01-01,s-1,Asia/Shanghai,phone,MON;TUE,09:00-12:00,email,true,retail\n"
            + "c-1,李娜,2025-06-30,,,,,,,,\n";
    private static final String ORDERS = "order_id,customer_id,order_date,amount,currency\no-1,c-1,2026-01-10,5,CNY\n";
    private static final String INTERACTIONS = "interaction_id,customer_id,occurred_at,channel,kind,staff_id,outcome\n"
            + "i-1,c-1,2026-03-01T09:00:00+08:00,phone,call,s-1,ok\n"
            + "i-2,c-2,2026-03-31T23:59:59+08:00,email,inquiry,,\n"
            + "i-3,c-2,2026-04-01T00:00:00+08:00,visit,visit,,\n";

    @TempDir
    Path dir;

    private CsvImport.CustomerFiles files(String customers) throws IOException {
        return new CsvImport.CustomerFiles(InputFile.of(Files.writeString(dir.resolve("customers.csv"), customers)),
                InputFile.of(Files.writeString(dir.resolve("orders.csv"), ORDERS)),
                Optional.of(InputFile.of(Files.writeString(dir.resolve("interactions.csv"), INTERACTIONS))),
                Optional.empty());
    }

    @Test
    void customersAndInteractionsStreamAsTheWholeFileReaderReadsThemInFileOrder() throws IOException {
        CsvImport.CustomerFiles files = files(CUSTOMERS);
        ImportedData whole = CsvImport.read(files, Money.currency("CNY"));
        CsvAgendaInputs inputs = CsvAgendaInputs.of(files);

        List<Customer> customers = new ArrayList<>();
        inputs.forEachCustomer(customers::add);
        List<Interaction> all = new ArrayList<>();
        inputs.forEachInteraction(Instant.MIN, Instant.MAX, all::add);

        assertThat(customers).containsExactlyElementsOf(whole.customers());
        assertThat(customers.get(0).name()).isEqualTo("Zhang, \"Wei\"");
        assertThat(all).containsExactlyElementsOf(whole.interactions());
    }

    @Test
    void interactionsComeFromTheStartInclusiveToTheEndExclusive() throws IOException {
        CsvAgendaInputs inputs = CsvAgendaInputs.of(files(CUSTOMERS));

        List<String> ids = new ArrayList<>();
        inputs.forEachInteraction(Instant.parse("2026-03-01T01:00:00Z"), Instant.parse("2026-03-31T16:00:00Z"),
                interaction -> ids.add(interaction.id().value()));

        assertThat(ids).containsExactly("i-1", "i-2");
    }

    @Test
    void aFileThatChangedSinceItWasCheckedFailsWithItsProblemsNamingFileLineAndColumn() throws IOException {
        CsvAgendaInputs inputs = CsvAgendaInputs.of(files(CUSTOMERS + "c-3,Bad,2026-02-30,,,,,,,,\n"));

        assertThatThrownBy(() -> inputs.forEachCustomer(customer -> { }))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::toString).singleElement().asString()
                        .isEqualTo(dir.resolve("customers.csv")
                                + ":4: column 'created_on': not an ISO date (YYYY-MM-DD): '2026-02-30'"));
    }
}
