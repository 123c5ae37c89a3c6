package org.qipflow.definitions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit data are pseudonymous: values that look like an NHS number or a postcode are refused, with
 * the reason, wherever they are typed or uploaded.
 */
public final class PersonalDataGuard {

    private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");
    private static final Pattern POSTCODE = Pattern.compile(
            "(?i)(?<![A-Z0-9])[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}(?![A-Z0-9])");

    private PersonalDataGuard() {
    }

    /** Why the value must not be stored, if it looks like personal data. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Matcher digits = TEN_DIGITS.matcher(value);
        while (digits.find()) {
            if (isNhsNumber(digits.group(1) + digits.group(2) + digits.group(3))) {
                return Optional.of("looks like an NHS number. Audit data are pseudonymous: never enter NHS numbers; "
                        + "use the local pseudonym your team keeps");
            }
        }
        if (POSTCODE.matcher(value).find()) {
            return Optional.of("looks like a postcode. Audit data are pseudonymous: never enter addresses or postcodes");
        }
        return Optional.empty();
    }

    /** The NHS number check digit (modulus 11 over the first nine digits, weights 10 down to 2). */
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
