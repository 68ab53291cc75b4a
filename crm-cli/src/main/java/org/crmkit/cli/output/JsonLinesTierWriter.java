package org.crmkit.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.rules.tiering.TierDecision;

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
                try (JsonGenerator run = MAPPER.getFactory().createGenerator(text)) {
                    run.setRootValueSeparator(null);
                    for (TierDecision decision : decisions) {
                        line(run, decision);
                    }
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
