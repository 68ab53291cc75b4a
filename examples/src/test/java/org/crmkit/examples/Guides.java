package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The guides in {@code docs/} and the README, read as the tests that check their snippets need them. */
final class Guides {
    /** The marker lines around a documented snippet in a test's source. */
    static final String BEGIN = "// snippet begins";
    static final String END = "// snippet ends";

    private Guides() {
    }

    /** @return the text of a file of the repository, e.g. {@code docs/sla.md} */
    static String read(String file) {
        try {
            return Files.readString(Path.of(System.getProperty("crmkit.root.dir", ".."), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the code between {@link #BEGIN} and {@link #END} in a test class's source */
    static String snippetOf(Class<?> test) {
        String source;
        try {
            source = Files.readString(Path.of("src/test/java", test.getName().replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int begin = source.indexOf(BEGIN + "\n");
        int end = source.indexOf(END, begin);
        assertThat(begin).as("%s marks its snippet", test.getSimpleName()).isPositive();
        return source.substring(begin + BEGIN.length() + 1, source.lastIndexOf('\n', end) + 1);
    }

    /**
     * The first fenced block of a language after a heading.
     *
     * @param text a markdown document
     * @param heading the heading line, e.g. {@code "## Policy keys"}, or any text before the block
     * @param language e.g. {@code java}
     * @return the block's content
     */
    static String blockAfter(String text, String heading, String language) {
        int section = text.indexOf(heading);
        assertThat(section).as("the document has '%s'", heading).isNotNegative();
        String fence = "```" + language + "\n";
        int block = text.indexOf(fence, section);
        assertThat(block).as("a %s block after '%s'", language, heading).isPositive();
        int start = block + fence.length();
        return text.substring(start, text.indexOf("```", start));
    }

    /** Drops all indentation, which differs between a test and a guide. */
    static String unindent(String code) {
        return code.lines().map(String::strip).reduce("", (text, line) -> text + line + "\n").strip();
    }
}
