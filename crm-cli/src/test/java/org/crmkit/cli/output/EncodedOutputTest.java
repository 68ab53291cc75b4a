package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text and encoded bytes written in turn keep their order, and a failing stream is reported as any print writer's. */
class EncodedOutputTest {
    @Test
    void textAndEncodedBytesArriveInTheOrderTheyWereWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EncodedOutput out = EncodedOutput.of(bytes)) {
            out.print("客户 ");
            byte[] encoded = "张三 ".getBytes(StandardCharsets.UTF_8);
            out.writeEncoded(encoded, 0, encoded.length);
            out.print("end\n");
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("客户 张三 end\n");
    }

    @Test
    void aStreamThatFailsSetsTheErrorFlagInsteadOfThrowing() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        EncodedOutput out = EncodedOutput.of(broken);
        byte[] large = new byte[1 << 17];

        out.writeEncoded(large, 0, large.length);

        assertThat(out.checkError()).isTrue();
    }
}
