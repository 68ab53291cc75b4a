package org.crmkit.cli.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.contract.FactsSourceWithoutInteractionsContract;
import org.junit.jupiter.api.io.TempDir;

/**
 * crm-core's contract of a source without interactions data, run on {@link CsvFactsSource} given no
 * interactions file (the command line without {@code --interactions}): the inquiries are unknown.
 */
class CsvFactsSourceWithoutInteractionsTest extends FactsSourceWithoutInteractionsContract {
    @TempDir
    Path dir;

    @Override
    protected CustomerFactsSource newFactsSourceWithoutInteractions(List<Customer> customers,
            List<Purchase> purchases, List<SurveyAnswer> surveys) {
        StringBuilder customerRows = new StringBuilder("customer_id,name,created_on,strategic_agreement\n");
        customers.forEach(customer -> customerRows.append(customer.id()).append(',').append(customer.name())
                .append(',').append(customer.createdOn()).append(',').append(customer.strategicAgreement())
                .append('\n'));
        StringBuilder orderRows = new StringBuilder("order_id,customer_id,order_date,amount,currency,category\n");
        purchases.forEach(purchase -> orderRows.append(purchase.id()).append(',').append(purchase.customerId())
                .append(',').append(purchase.orderDate()).append(',')
                .append(purchase.amount().amount().toPlainString()).append(',')
                .append(purchase.amount().currency().getCurrencyCode()).append(',')
                .append(purchase.category().orElse("")).append('\n'));
        StringBuilder surveyRows = new StringBuilder("customer_id,answered_at,csat,nps\n");
        surveys.forEach(answer -> surveyRows.append(answer.customerId()).append(',').append(answer.answeredAt())
                .append(',').append(answer.csat().isPresent() ? String.valueOf(answer.csat().getAsInt()) : "")
                .append(',').append(answer.nps().isPresent() ? String.valueOf(answer.nps().getAsInt()) : "")
                .append('\n'));
        try {
            return CsvFactsSource.of(new CsvImport.CustomerFiles(file("customers.csv", customerRows),
                    file("orders.csv", orderRows), Optional.empty(), Optional.of(file("surveys.csv", surveyRows))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name, CharSequence text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
