package org.qipflow.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit data are pseudonymous: values that look like what identifies a person are refused, with the
 * reason and never the value, wherever they are typed or uploaded. Refused everywhere: an NHS, CHI or
 * H&amp;C number (ten digits with a valid modulus-11 check digit, in any spacing or punctuation), a UK
 * phone number, an email address, a postcode. In free text also a date of birth (a date after "DOB",
 * "date of birth" or "born"); in a pseudonym also a name with a year of birth ("JSmith1975").
 */
public final class PersonalDataGuard {

    private static final String PSEUDONYMOUS = ". Audit data are pseudonymous: ";
    /** Digits with nothing between them but spaces and punctuation that people type inside numbers. */
    private static final Pattern DIGIT_GROUP = Pattern.compile("\\+?\\(?\\d+(?:[ \\t\\-.()_–—]+\\d+)*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern POSTCODE = Pattern.compile(
            "(?i)(?<![A-Z0-9])[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}(?![A-Z0-9])");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'-]+\\s*(?:@|\\(at\\)|\\[at])\\s*[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final String DAY_MONTH_YEAR = "(?:\\d{1,2}\\s*[./\\-]\\s*\\d{1,2}\\s*[./\\-]\\s*\\d{2,4}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Za-z]{3,9}\\.?,?\\s+\\d{2,4}|\\d{4}-\\d{2}-\\d{2})";
    private static final Pattern DATE_OF_BIRTH = Pattern.compile(
            "(?i)(?:\\bd\\.?\\s*o\\.?\\s*b\\b\\.?|date\\s+of\\s+birth|\\bborn(?:\\s+on)?)\\s*[:\\-]?\\s*" + DAY_MONTH_YEAR);
    /** Three or more letters with a vowel, as a name has, beside a year of birth from 1900 to 2009. */
    private static final Pattern NAME_AND_YEAR = Pattern.compile(
            "(?i)(?:[A-Z]*[AEIOUY][A-Z]*[-_.]?(?:19\\d\\d|200\\d)(?!\\d)|(?<!\\d)(?:19\\d\\d|200\\d)[-_.]?[A-Z]*[AEIOUY][A-Z]*)");

    private PersonalDataGuard() {
    }

    /** Why a coded or numeric value must not be stored, if it looks like personal data. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Matcher group = DIGIT_GROUP.matcher(value);
        while (group.find()) {
            Optional<String> number = number(group.group());
            if (number.isPresent()) {
                return number;
            }
        }
        if (EMAIL.matcher(value).find()) {
            return Optional.of("looks like an email address" + PSEUDONYMOUS + "never enter contact details");
        }
        if (POSTCODE.matcher(value).find()) {
            return Optional.of("looks like a postcode" + PSEUDONYMOUS + "never enter addresses or postcodes");
        }
        return Optional.empty();
    }

    /** Why free text must not be stored: as {@link #problem}, and a date of birth. */
    public static Optional<String> textProblem(String value) {
        Optional<String> problem = problem(value);
        if (problem.isPresent() || value == null) {
            return problem;
        }
        return DATE_OF_BIRTH.matcher(value).find()
                ? Optional.of("looks like a date of birth" + PSEUDONYMOUS + "never enter dates of birth")
                : Optional.empty();
    }

    /** Why a pseudonym must not be stored: as {@link #problem}, and a name with a year of birth. */
    public static Optional<String> pseudonymProblem(String value) {
        Optional<String> problem = problem(value);
        if (problem.isPresent() || value == null) {
            return problem;
        }
        Matcher candidate = NAME_AND_YEAR.matcher(value.trim());
        while (candidate.find()) {
            if (candidate.group().replaceAll("[^A-Za-z]", "").length() >= 3) {
                return Optional.of("looks like a name and a year" + PSEUDONYMOUS
                        + "never build a pseudonym from a name or a date of birth; use the code your team keeps, "
                        + "such as P001");
            }
        }
        return Optional.empty();
    }

    /**
     * A patient number or phone number in one run of digits: any ten digits in a row of its parts that
     * pass the modulus-11 check, or the whole run read as a UK phone number.
     */
    private static Optional<String> number(String group) {
        List<String> parts = new ArrayList<>();
        Matcher digits = DIGITS.matcher(group);
        while (digits.find()) {
            parts.add(digits.group());
        }
        String all = String.join("", parts);
        if (isUkPhone(all, group.startsWith("+"))) {
            return Optional.of("looks like a phone number" + PSEUDONYMOUS + "never enter contact details");
        }
        for (int from = 0; from < parts.size(); from++) {
            StringBuilder run = new StringBuilder();
            for (int to = from; to < parts.size() && run.length() < 10; to++) {
                run.append(parts.get(to));
                if (run.length() == 10 && isNhsNumber(run.toString()) && !run.toString().matches("(\\d)\\1{9}")) {
                    return Optional.of("looks like an NHS, CHI or H&C number" + PSEUDONYMOUS
                            + "never enter patient numbers; use the local pseudonym your team keeps");
                }
            }
        }
        return Optional.empty();
    }

    /** 0 and ten digits (01, 02, 03, 07, 08), or after 44 the same with or without its 0. */
    static boolean isUkPhone(String digits, boolean international) {
        String national = digits;
        if (digits.startsWith("44") && digits.length() >= 12) {
            national = digits.startsWith("440") ? digits.substring(2) : "0" + digits.substring(2);
        } else if (international) {
            return false;
        }
        return national.matches("0[12378]\\d{9}");
    }

    /**
     * The modulus-11 check digit that NHS numbers (England, Wales, Isle of Man), CHI numbers (Scotland)
     * and H&amp;C numbers (Northern Ireland) share: weights 10 down to 2 over the first nine digits.
     */
    static boolean isNhsNumber(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }

}
