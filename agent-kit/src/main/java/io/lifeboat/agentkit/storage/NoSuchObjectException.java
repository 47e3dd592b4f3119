package io.lifeboat.agentkit.storage;

import java.io.FileNotFoundException;

/** An object that was asked for is not in the store; the message names the key and the store. */
public class NoSuchObjectException extends FileNotFoundException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /** An absent {@code key} in the store at {@code location}. */
    public NoSuchObjectException(String key, String location) {
        super("object '" + key + "' does not exist in " + location);
        this.key = key;
    }

    /** The key that was not found. */
    public String key() {
        return key;
    }
}
