package org.crmkit.cli.output;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Jackson closes its target with a sequence writer; the caller owns it, so closing only flushes. */
final class NonClosingWriter extends FilterWriter {
    NonClosingWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
