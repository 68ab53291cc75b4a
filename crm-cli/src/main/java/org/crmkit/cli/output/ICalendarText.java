package org.crmkit.cli.output;

import java.nio.charset.StandardCharsets;

/**
 * The lexical rules of iCalendar (RFC 5545, section 3.1 and 3.3.11): content lines end with CRLF
 * and are folded so that no line is longer than 75 octets of UTF-8, and TEXT values escape
 * backslashes, semicolons, commas and line breaks.
 */
final class ICalendarText {
    /** The longest content line, in octets, without its CRLF. */
    static final int MAX_OCTETS = 75;
    static final String CRLF = "\r\n";

    private ICalendarText() {
    }

    /**
     * Escapes a TEXT value: {@code \} as {@code \\}, {@code ;} as {@code \;}, {@code ,} as
     * {@code \,}, and every line break (CRLF, LF or CR) as {@code \n}.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * A content line, folded: a line longer than {@value #MAX_OCTETS} octets of UTF-8 is broken
     * before the character that would pass the limit, and each continuation starts with one space
     * (which counts towards its line's octets). Characters are never split, so every physical
     * line is valid UTF-8. The result ends with CRLF.
     */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_OCTETS) {
                folded.append(CRLF).append(' ');
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        return folded.append(CRLF).toString();
    }
}
