package org.qipflow.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** What qipflow accepts as an email address: something@somewhere.tld, no spaces, at most 254 characters. */
public final class EmailAddresses {

    public static final String WRONG_FORMAT = "Enter an email address in the correct format, like name@nhs.net";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MOST_CHARACTERS = 254;

    private EmailAddresses() {
    }

    /** Whether the address, already trimmed, is well formed. */
    public static boolean wellFormed(String address) {
        return address.length() <= MOST_CHARACTERS && EMAIL.matcher(address).matches();
    }

    /** "nhs.net" from "ana@nhs.net": the part after the last @, in lower case. */
    public static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.UK);
    }
}
