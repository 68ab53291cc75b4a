package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm clv fit} and {@code crm clv} on the CDNOW sample, whose fits are published (Fader,
 * Hardie &amp; Lee 2005; Fader &amp; Hardie 2013): BG/NBD r = 0.243, alpha = 4.414, a = 0.793,
 * b = 2.426 (log-likelihood -9582.4), Pareto/NBD r = 0.553, alpha = 10.578, s = 0.606,
 * beta = 11.669 (-9595.0), Gamma-Gamma p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat
 * customers; customer 1 (x = 2, t_x = 30.43, T = 38.86) is expected to buy 1.226 times in the
 * next 39 weeks. The CDNOW files are in the repository ({@code crm-rules/src/test/resources/cdnow}).
 */
class ClvCommandTest {
    private static CrmRun fitWithSpend;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitTheSummaryWithSpend() {
        fitWithSpend = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithSpend());
    }

    private static JsonNode line(CrmRun run, String field, String value) {
        return run.exactJson().stream().filter(line -> line.get(field).asText().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + field + " " + value + " in " + run.out()));
    }

    private static double number(JsonNode line, String field) {
        assertThat(line.get(field).isNumber()).as("%s is a JSON number: %s", field, line).isTrue();
        return line.get(field).doubleValue();
    }

    private static BigDecimal decimal(JsonNode line, String field) {
        assertThat(line.get(field).isBigDecimal()).as("%s is a decimal number: %s", field, line).isTrue();
        return line.get(field).decimalValue();
    }

    private static void assertPublishedBgNbd(JsonNode bgNbd) {
        assertThat(number(bgNbd, "r")).isCloseTo(0.243, within(0.005));
        assertThat(number(bgNbd, "alpha")).isCloseTo(4.414, within(0.005));
        assertThat(number(bgNbd, "a")).isCloseTo(0.793, within(0.005));
        assertThat(number(bgNbd, "b")).isCloseTo(2.426, within(0.005));
        assertThat(number(bgNbd, "log_likelihood")).isCloseTo(-9582.4, within(0.1));
        assertThat(bgNbd.get("customers").asInt()).isEqualTo(2357);
    }

    @Test
    void fitPrintsBothPurchaseModelsAndTheSpendModelWithThePublishedParameters() {
        CrmRun run = fitWithSpend;

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("model").asText())
                .containsExactly("bgnbd", "pareto_nbd", "gamma_gamma");
        assertPublishedBgNbd(line(run, "model", "bgnbd"));
        JsonNode pareto = line(run, "model", "pareto_nbd");
        assertThat(number(pareto, "r")).isCloseTo(0.553, within(0.005));
        assertThat(number(pareto, "alpha")).isCloseTo(10.578, within(0.01));
        assertThat(number(pareto, "s")).isCloseTo(0.606, within(0.005));
        assertThat(number(pareto, "beta")).isCloseTo(11.669, within(0.01));
        assertThat(number(pareto, "log_likelihood")).isCloseTo(-9595.0, within(0.1));
        JsonNode spend = line(run, "model", "gamma_gamma");
        assertThat(number(spend, "p")).isCloseTo(6.25, within(0.01));
        assertThat(number(spend, "q")).isCloseTo(3.74, within(0.01));
        assertThat(number(spend, "gamma")).isCloseTo(15.44, within(0.01));
        assertThat(number(spend, "log_likelihood")).isCloseTo(-4055.92, within(0.01));
        assertThat(spend.get("customers").asInt()).isEqualTo(946);
    }

    @Test
    void eachFitLineNamesItsOwnParametersInTheLiteraturesOrderThenTheExtras() {
        List<JsonNode> lines = fitWithSpend.json();

        assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("model", "r", "alpha", "a", "b",
                "log_likelihood", "customers", "time_unit", "chosen", "calibration_end");
        assertThat(lines.get(1).fieldNames()).toIterable().containsExactly("model", "r", "alpha", "s", "beta",
                "log_likelihood", "customers", "time_unit", "chosen", "calibration_end");
        assertThat(lines.get(2).fieldNames()).toIterable().containsExactly("model", "p", "q", "gamma",
                "log_likelihood", "customers", "time_unit", "chosen", "calibration_end");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("time_unit").asText()).isEqualTo("weeks");
            assertThat(line.get("calibration_end").isNull()).as("a summary file does not say").isTrue();
        });
        assertThat(lines).extracting(line -> line.get("chosen").asBoolean()).containsExactly(true, false, true);
    }

    @Test
    void parametersAreWrittenWithTheFullPrecisionOfTheFitNeverInExponentNotation() {
        JsonNode bgNbd = line(fitWithSpend, "model", "bgnbd");

        BigDecimal r = decimal(bgNbd, "r");
        assertThat(r).isEqualTo(BigDecimal.valueOf(r.doubleValue()));
        assertThat(r.scale()).as("digits of %s", r).isGreaterThan(10);
        assertThat(fitWithSpend.out()).doesNotContainPattern("[0-9][eE][-+]?[0-9]");
    }

    @Test
    void fitSummaryShowsTheFitsAndWhyTheModelWasChosen() {
        assertThat(fitWithSpend.errLines()).containsExactly(
                "crm clv fit: 2,357 customers from " + Cdnow.summaryWithSpend() + ", times in weeks (the policy's"
                        + " clv.time_unit), with average repeat values",
                "crm clv fit: bgnbd fitted on 2,357 customers: r=0.2426, alpha=4.4135, a=0.7929, b=2.4258;"
                        + " log-likelihood -9582.43",
                "crm clv fit: pareto_nbd fitted on 2,357 customers: r=0.5533, alpha=10.5776, s=0.6062, beta=11.6679;"
                        + " log-likelihood -9594.97",
                "crm clv fit: gamma_gamma fitted on 946 repeat customers: p=6.2488, q=3.7446, gamma=15.4477;"
                        + " log-likelihood -4055.92",
                "crm clv fit: chosen: bgnbd, the policy's clv.model (policy standard@2026.1); it fits these data"
                        + " better than pareto_nbd (log-likelihood higher by 12.55 with as many parameters)");
    }

    @Test
    void aSummaryWithoutSpendGivesNoGammaGammaLine() {
        CrmRun run = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithoutSpend());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("model").asText()).containsExactly("bgnbd", "pareto_nbd");
        assertPublishedBgNbd(run.exactJson().get(0));
        assertThat(run.errLines()).contains("crm clv fit: no gamma_gamma: spend is unknown");
        assertThat(run.errLines().get(0)).endsWith("without average repeat values (no zbar or monetary_value column)");
    }

    @Test
    void aPolicyThatChoosesParetoNbdMarksItChosenAndSaysThatBgNbdFitsBetter() throws IOException {
        Path policy = Files.writeString(dir.resolve("pareto.yaml"), PolicyLoader.standardText()
                .replace("  model: bgnbd", "  model: pareto_nbd"));

        CrmRun run = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithoutSpend(), "--policy", policy.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("chosen").asBoolean()).containsExactly(false, true);
        assertThat(run.errLines()).last().isEqualTo("crm clv fit: chosen: pareto_nbd, the policy's clv.model (policy"
                + " standard@2026.1); bgnbd fits these data better (log-likelihood higher by 12.55 with as many"
                + " parameters): set clv.model: bgnbd in the policy to use it");
    }

    @Test
    void clvPredictsEveryCustomerOfTheSummaryInFileOrder() {
        CrmRun run = CrmRun.of("clv", "--summary", Cdnow.summaryWithSpend(), "--horizon", "39", "--discount-rate", "0");

        assertThat(run.status()).as(run.err()).isZero();
        List<JsonNode> lines = run.exactJson();
        assertThat(lines).hasSize(2357);
        assertThat(lines.get(0).get("customer_id").asText()).isEqualTo("1");
        assertThat(lines.get(2356).get("customer_id").asText()).isEqualTo("2357");
        JsonNode first = lines.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("customer_id", "p_alive", "expected_purchases",
                "expected_average_value", "clv", "frequency", "recency", "T", "model", "currency");
        assertThat(decimal(first, "expected_purchases").doubleValue()).isCloseTo(1.226, within(0.001));
        assertThat(decimal(first, "p_alive")).isEqualTo(new BigDecimal("0.7266"));
        assertThat(decimal(first, "expected_average_value").scale()).isEqualTo(2);
        assertThat(decimal(first, "clv").scale()).isEqualTo(2);
        // Undiscounted, the lifetime value is the expected purchases times the expected value of one.
        assertThat(decimal(first, "clv").doubleValue()).isCloseTo(decimal(first, "expected_purchases").doubleValue()
                * decimal(first, "expected_average_value").doubleValue(), within(0.01));
        assertThat(first.get("frequency").asInt()).isEqualTo(2);
        assertThat(decimal(first, "recency")).isEqualTo(new BigDecimal("30.43"));
        assertThat(decimal(first, "T")).isEqualTo(new BigDecimal("38.86"));
        assertThat(first.get("model").asText()).isEqualTo("bgnbd");
        assertThat(first.get("currency").isNull()).as("a summary file names no currency").isTrue();
        assertThat(run.errLines()).contains("crm clv: model bgnbd, the policy's clv.model (policy standard@2026.1);"
                + " 'crm clv fit' compares the purchase models");
        assertThat(run.errLines()).last().asString().startsWith("crm clv: 2,357 customers over 39 weeks at an annual"
                + " discount rate of 0: mean P(alive) 0.8134, expected purchases ").contains(", sum of clv ")
                .endsWith(" (the summary file's currency)");
    }

    @Test
    void withoutSpendTheValuesAreNull() {
        CrmRun run = CrmRun.of("clv", "--summary", Cdnow.summaryWithoutSpend(), "--horizon", "39");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode first = run.exactJson().get(0);
        assertThat(decimal(first, "expected_purchases").doubleValue()).isCloseTo(1.226, within(0.001));
        assertThat(first.get("expected_average_value").isNull()).isTrue();
        assertThat(first.get("clv").isNull()).isTrue();
        assertThat(run.errLines()).contains("crm clv: no gamma_gamma: spend is unknown");
        assertThat(run.errLines()).last().asString().endsWith("; expected_average_value and clv are null without"
                + " spend");
    }

    @Test
    void horizonAndDiscountRateDefaultToThePolicys() {
        CrmRun standard = CrmRun.of("clv", "--summary", Cdnow.summaryWithSpend());
        CrmRun undiscounted = CrmRun.of("clv", "--summary", Cdnow.summaryWithSpend(), "--horizon", "52",
                "--discount-rate", "0");

        assertThat(standard.status()).as(standard.err()).isZero();
        assertThat(standard.errLines()).last().asString()
                .startsWith("crm clv: 2,357 customers over 52 weeks at an annual discount rate of 0.10: ");
        JsonNode discounted = standard.exactJson().get(0);
        JsonNode plain = undiscounted.exactJson().get(0);
        assertThat(decimal(discounted, "expected_purchases")).isEqualTo(decimal(plain, "expected_purchases"))
                .isGreaterThan(new BigDecimal("1.226"));
        assertThat(decimal(discounted, "clv")).isLessThan(decimal(plain, "clv"));
    }

    @Test
    void theSamplesOrdersGiveTheSameFitAsTheSummaryFile() throws IOException {
        Path orders = Cdnow.orders(dir);

        CrmRun run = CrmRun.of("clv", "fit", "--orders", orders.toString(), "--calibration-end",
                Cdnow.CALIBRATION_END, "--time-unit", "weeks");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).extracting(line -> line.get("model").asText())
                .containsExactly("bgnbd", "pareto_nbd", "gamma_gamma");
        assertPublishedBgNbd(line(run, "model", "bgnbd"));
        assertThat(number(line(run, "model", "pareto_nbd"), "log_likelihood")).isCloseTo(-9595.0, within(0.1));
        JsonNode spend = line(run, "model", "gamma_gamma");
        assertThat(number(spend, "p")).isCloseTo(6.25, within(0.01));
        assertThat(spend.get("customers").asInt()).isEqualTo(946);
        assertThat(run.json()).allSatisfy(line ->
                assertThat(line.get("calibration_end").asText()).isEqualTo(Cdnow.CALIBRATION_END));
        assertThat(run.errLines().get(0)).isEqualTo("crm clv fit: 2,357 customers with an order up to 1997-09-30"
                + " (--calibration-end) in " + orders + ", times in weeks (--time-unit); 6,919 orders, 1,959 of them"
                + " after the calibration end and ignored; amounts in USD");
    }

    @Test
    void fromOrdersTheCalibrationEndIsTheAsOfDayAndCustomersComeByIdWithTheirCurrency() throws IOException {
        Path orders = Cdnow.orders(dir);

        CrmRun run = CrmRun.of("clv", "--orders", orders.toString(), "--as-of", Cdnow.CALIBRATION_END,
                "--horizon", "39");

        assertThat(run.status()).as(run.err()).isZero();
        List<JsonNode> lines = run.exactJson();
        assertThat(lines).hasSize(2357).extracting(line -> line.get("customer_id").asText())
                .startsWith("1", "10", "100");
        JsonNode first = lines.get(0);
        assertThat(decimal(first, "expected_purchases").doubleValue()).isCloseTo(1.226, within(0.001));
        assertThat(first.get("frequency").asInt()).isEqualTo(2);
        assertThat(decimal(first, "T").doubleValue()).isCloseTo(38.86, within(0.005));
        assertThat(first.get("currency").asText()).isEqualTo("USD");
        assertThat(run.errLines().get(0)).startsWith("crm clv: 2,357 customers with an order up to 1997-09-30"
                + " (--as-of) in ");
        assertThat(run.errLines()).last().asString().endsWith(" USD");
    }

    @Test
    void inDaysThePolicysHorizonOf52WeeksIs364DaysAndThePredictionsStayTheSame() throws IOException {
        Path orders = Cdnow.orders(dir);

        CrmRun weeks = CrmRun.of("clv", "--orders", orders.toString(), "--calibration-end", Cdnow.CALIBRATION_END);
        CrmRun days = CrmRun.of("clv", "--orders", orders.toString(), "--calibration-end", Cdnow.CALIBRATION_END,
                "--time-unit", "days");

        assertThat(days.status()).as(days.err()).isZero();
        JsonNode inDays = days.exactJson().get(0);
        JsonNode inWeeks = weeks.exactJson().get(0);
        assertThat(decimal(inDays, "T")).isEqualTo(new BigDecimal("272.0"));
        assertThat(decimal(inDays, "expected_purchases").doubleValue())
                .isCloseTo(decimal(inWeeks, "expected_purchases").doubleValue(), within(0.001));
        assertThat(decimal(inDays, "p_alive")).isEqualTo(decimal(inWeeks, "p_alive"));
        assertThat(days.errLines()).anySatisfy(line -> assertThat(line).startsWith("crm clv: bgnbd fitted on 2,357"
                + " customers: r=0.2426, alpha=30.89"));
        assertThat(days.errLines()).last().asString().startsWith("crm clv: 2,357 customers over 364 days (the"
                + " policy's clv.horizon, 52 weeks) at an annual discount rate of 0.10: ");
    }

    @Test
    void repeatCustomersWhoseRepeatPurchasesCostNothingAreLeftOutOfTheSpendFit() throws IOException {
        Path orders = Cdnow.orders(dir);
        // Customer 1's two repeat purchases in the calibration period, now free.
        List<String> lines = Files.readAllLines(orders);
        lines.set(2, lines.get(2).replace(",29.73,", ",0,"));
        lines.set(3, lines.get(3).replace(",14.96,", ",0.00,"));
        Files.write(orders, lines);

        CrmRun run = CrmRun.of("clv", "fit", "--orders", orders.toString(), "--calibration-end",
                Cdnow.CALIBRATION_END);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(line(run, "model", "gamma_gamma").get("customers").asInt()).isEqualTo(945);
        assertThat(run.errLines()).contains("crm clv fit: gamma_gamma: 1 repeat customer whose repeat purchases are"
                + " worth 0 left out of the spend fit (the model needs values above 0)");
    }

    @Test
    void fewerCustomersThanThePolicysMinimumAreFittedWithAWarning() throws IOException {
        Path policy = Files.writeString(dir.resolve("many.yaml"), PolicyLoader.standardText()
                .replace("min_customers: 100", "min_customers: 5000"));

        CrmRun run = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithoutSpend(), "--policy", policy.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(2);
        assertThat(run.errLines()).contains("crm clv fit: warning: 2,357 customers, fewer than the policy's"
                + " clv.min_customers (5,000), below which crm lifecycle fits no model: the parameters may say more"
                + " about chance than about the customers");
    }

    @Test
    void csvOutputHasOneRowPerModelUnderEveryParameterAndOnePerCustomer() {
        CrmRun fit = CrmRun.of("clv", "fit", "--summary", Cdnow.summaryWithSpend(), "--format", "csv");
        CrmRun clv = CrmRun.of("clv", "--summary", Cdnow.summaryWithoutSpend(), "--format", "csv", "--horizon", "39");

        assertThat(fit.status()).as(fit.err()).isZero();
        assertThat(fit.outLines()).hasSize(4);
        assertThat(fit.outLines().get(0))
                .isEqualTo("model,r,alpha,a,b,s,beta,p,q,gamma,log_likelihood,customers,time_unit,chosen,calibration_end");
        assertThat(fit.outLines().get(1)).startsWith("bgnbd,0.24").matches("bgnbd(,[-0-9.]+){4},,,,,,-9582\\.[0-9]+,"
                + "2357,weeks,true,");
        assertThat(fit.outLines().get(2)).matches("pareto_nbd(,[-0-9.]+){2},,(,[-0-9.]+){2},,,,-9594\\.[0-9]+,"
                + "2357,weeks,false,");
        assertThat(fit.outLines().get(3)).matches("gamma_gamma,,,,,,(,[-0-9.]+){3},-4055\\.[0-9]+,946,weeks,true,");
        assertThat(clv.status()).as(clv.err()).isZero();
        assertThat(clv.outLines()).hasSize(2358);
        assertThat(clv.outLines().get(0))
                .isEqualTo("customer_id,p_alive,expected_purchases,expected_average_value,clv,frequency,recency,T,model,"
                        + "currency");
        assertThat(clv.outLines().get(1)).startsWith("1,0.7266,1.22").endsWith(",,,2,30.43,38.86,bgnbd,");
    }
}
