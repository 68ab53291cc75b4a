package org.crmkit.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.rules.tiering.TierDecision;
import org.jspecify.annotations.Nullable;

/**
 * JSON Lines: one object per customer, e.g.
 * <pre>{@code
 * {"customer_id":"c-001","tier":"core","reasons":["rule core matched: ..."],"as_of":"2026-03-31",
 *  "policy":"standard@2026.1","metrics":{"spend":"110000.00","currency":"CNY","orders":3,...}}
 * }</pre>
 * (on one line). {@code tier} is null when no tier applies; amounts are decimal strings. Written
 * through one streaming generator of the mapper's factory, so the text is what serialising the
 * same fields as a tree gives, without building a tree per line.
 */
final class JsonLinesTierWriter implements TierWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Lines open(Writer out) throws IOException {
        JsonGenerator json = MAPPER.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Lines end with LF, written below; no separator between root values.
        json.setRootValueSeparator(null);
        return new Lines() {
            @Override
            public void write(TierDecision decision) throws IOException {
                line(json, decision);
            }

            @Override
            public Rendered render(List<TierDecision> decisions) throws IOException {
                TextBuilder text = new TextBuilder(decisions.size() * 512);
                JsonGenerator run = null;
                for (TierDecision decision : decisions) {
                    if (PlainLine.append(decision, text)) {
                        continue;
                    }
                    // A line with text JSON escapes, or that is not ASCII: Jackson's own, after what it holds.
                    if (run == null) {
                        run = MAPPER.getFactory().createGenerator(text);
                        run.setRootValueSeparator(null);
                    }
                    line(run, decision);
                    run.flush();
                }
                if (run != null) {
                    run.close();
                }
                return text;
            }

            @Override
            public void write(Rendered rendered) throws IOException {
                // Whatever this generator holds goes first, so the order stays that of the calls.
                json.flush();
                TextBuilder text = (TextBuilder) rendered;
                out.write(text.chars, 0, text.length);
            }

            @Override
            public void close() throws IOException {
                json.close();
            }
        };
    }

    /**
     * A run's rendered JSON Lines in a growing array of chars: copying the generator's chars
     * into a {@code StringBuilder} would check every one for a compact string only to turn them
     * back into chars for the output's encoder. One thread renders a run, so no locking is needed.
     */
    private static final class TextBuilder extends Writer implements Rendered {
        private char[] chars;
        private int length;

        TextBuilder(int capacity) {
            chars = new char[capacity];
        }

        @Override
        public void write(char[] source, int offset, int count) {
            ensure(count);
            System.arraycopy(source, offset, chars, length, count);
            length += count;
        }

        /** Appends a string; for {@link PlainLine}. */
        TextBuilder append(String string) {
            write(string, 0, string.length());
            return this;
        }

        @Override
        public void write(String string, int offset, int count) {
            ensure(count);
            string.getChars(offset, offset + count, chars, length);
            length += count;
        }

        private void ensure(int count) {
            if (length + count > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * A line written straight into the run's characters, the very text Jackson's generator writes
     * for it, when every string in it is printable ASCII without a quote or a backslash, which the
     * generator copies as they are: then no character needs a look at its escape. Rendering
     * reasons and metrics this way halves the work of the threads that decide and render.
     */
    static final class PlainLine {
        private PlainLine() {
        }

        /** @return whether the line was appended; false (and nothing appended) when a string needs Jackson */
        static boolean append(TierDecision decision, TextBuilder text) {
            CustomerMetrics metrics = decision.metrics();
            String customerId = decision.customerId().value();
            String tier = TierFields.tier(decision);
            List<String> reasons = decision.reasons();
            String asOf = decision.asOf().toString();
            String policy = decision.policy().toString();
            String spend = TierFields.spend(metrics);
            String currency = metrics.spend().currency().getCurrencyCode();
            String lastPurchase = TierFields.lastPurchase(metrics);
            if (!plain(customerId) || (tier != null && !plain(tier)) || !plain(asOf) || !plain(policy)
                    || !plain(spend) || !plain(currency) || (lastPurchase != null && !plain(lastPurchase))) {
                return false;
            }
            for (String reason : reasons) {
                if (!plain(reason)) {
                    return false;
                }
            }
            text.append("{\"").append(TierFields.CUSTOMER_ID).append("\":\"").append(customerId);
            text.append("\",\"").append(TierFields.TIER).append("\":");
            string(tier, text);
            text.append(",\"").append(TierFields.REASONS).append("\":[");
            for (int i = 0; i < reasons.size(); i++) {
                text.append(i == 0 ? "\"" : ",\"").append(reasons.get(i)).append("\"");
            }
            text.append("],\"").append(TierFields.AS_OF).append("\":\"").append(asOf);
            text.append("\",\"").append(TierFields.POLICY).append("\":\"").append(policy);
            text.append("\",\"").append(TierFields.METRICS).append("\":{\"").append(TierFields.SPEND)
                    .append("\":\"").append(spend);
            text.append("\",\"").append(TierFields.CURRENCY).append("\":\"").append(currency);
            text.append("\",\"").append(TierFields.ORDERS).append("\":").append(Integer.toString(metrics.orders()));
            text.append(",\"").append(TierFields.ACTIVE_QUARTERS).append("\":")
                    .append(Integer.toString(metrics.activeQuarters()));
            text.append(",\"").append(TierFields.INQUIRIES).append("\":").append(Integer.toString(metrics.inquiries()));
            text.append(",\"").append(TierFields.TENURE_MONTHS).append("\":")
                    .append(Integer.toString(metrics.tenureMonths()));
            text.append(",\"").append(TierFields.STRATEGIC_AGREEMENT).append("\":")
                    .append(metrics.strategicAgreement() ? "true" : "false");
            text.append(",\"").append(TierFields.LAST_PURCHASE).append("\":");
            string(lastPurchase, text);
            text.append("}}\n");
            return true;
        }

        private static void string(@Nullable String value, TextBuilder text) {
            if (value == null) {
                text.append("null");
            } else {
                text.append("\"").append(value).append("\"");
            }
        }

        /** Whether Jackson writes every character of the string as it is: printable ASCII, no quote, no backslash. */
        static boolean plain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }
    }

    private static void line(JsonGenerator json, TierDecision decision) throws IOException {
        json.writeStartObject();
        json.writeStringField(TierFields.CUSTOMER_ID, decision.customerId().value());
        json.writeStringField(TierFields.TIER, TierFields.tier(decision));
        json.writeArrayFieldStart(TierFields.REASONS);
        for (String reason : decision.reasons()) {
            json.writeString(reason);
        }
        json.writeEndArray();
        json.writeStringField(TierFields.AS_OF, decision.asOf().toString());
        json.writeStringField(TierFields.POLICY, decision.policy().toString());
        CustomerMetrics metrics = decision.metrics();
        json.writeObjectFieldStart(TierFields.METRICS);
        json.writeStringField(TierFields.SPEND, TierFields.spend(metrics));
        json.writeStringField(TierFields.CURRENCY, metrics.spend().currency().getCurrencyCode());
        json.writeNumberField(TierFields.ORDERS, metrics.orders());
        json.writeNumberField(TierFields.ACTIVE_QUARTERS, metrics.activeQuarters());
        json.writeNumberField(TierFields.INQUIRIES, metrics.inquiries());
        json.writeNumberField(TierFields.TENURE_MONTHS, metrics.tenureMonths());
        json.writeBooleanField(TierFields.STRATEGIC_AGREEMENT, metrics.strategicAgreement());
        json.writeStringField(TierFields.LAST_PURCHASE, TierFields.lastPurchase(metrics));
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
