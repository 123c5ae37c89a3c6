package org.qipflow.definitions;

/** A definition file that cannot be used; the message names the file, the element and the reason. */
public class InvalidDefinitionException extends RuntimeException {

    InvalidDefinitionException(String file, String where, String reason) {
        super(file + ": " + where + ": " + reason);
    }
}
