package io.lifeboat.agent.pg.wal;

import java.io.IOException;

/** The object store refused or failed a WAL object operation (list, write, read or delete); names the object. */
public final class WalStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    WalStoreException(String message, IOException cause) {
        super(message, cause);
    }
}
