package org.crmkit.cli.output;

/**
 * Keeps spreadsheets from running CSV cells as formulas (CSV injection, as OWASP describes it): a
 * text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a single quote in front, which spreadsheets read as "this is text" and do not show.
 * Only text cells (ids, names, reasons, messages) are neutralised; the numbers a command computes
 * (amounts, counts, rates, log-likelihoods) are written as they are, so that {@code -12.50} stays a
 * number.
 */
final class CsvText {
    /** What spreadsheets put in front of a text cell so that it is never read as a formula. */
    static final char QUOTE = '\'';

    private CsvText() {
    }

    /**
     * @param text a text cell's content, before RFC 4180 quoting
     * @return the text with {@value #QUOTE} in front if it begins with a formula character, else the text itself
     */
    static String neutralise(String text) {
        return text.isEmpty() || !startsFormula(text.charAt(0)) ? text : QUOTE + text;
    }

    private static boolean startsFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
