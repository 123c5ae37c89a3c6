package org.qipflow.common;

/**
 * Text written to a CSV file that a spreadsheet will open. A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is read by Excel and LibreOffice as a formula, which
 * can run commands or send data away when the file is opened; a leading apostrophe makes it text
 * again, and the upload takes it off, so a file downloaded and uploaded again stores the same values.
 */
public final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /** The text as a spreadsheet will show it, never as a formula. */
    public static String neutralised(String text) {
        return startsAsFormula(text) ? "'" + text : text;
    }

    /** What {@link #neutralised} wrote, back to the text as it was. */
    public static String restored(String cell) {
        return cell != null && cell.startsWith("'") && startsAsFormula(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean startsAsFormula(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }
}
