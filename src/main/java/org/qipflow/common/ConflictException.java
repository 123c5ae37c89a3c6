package org.qipflow.common;

/** The request clashes with what is already stored, such as a code that is taken. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
