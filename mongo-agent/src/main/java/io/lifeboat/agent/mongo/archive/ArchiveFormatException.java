package io.lifeboat.agent.mongo.archive;

import java.io.IOException;

/** A byte stream that is not a well-formed mongodump archive, or whose namespace CRC does not match. */
public class ArchiveFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A format error described by {@code message}. */
    public ArchiveFormatException(String message) {
        super(message);
    }
}
