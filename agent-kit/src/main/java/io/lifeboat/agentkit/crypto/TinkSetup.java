package io.lifeboat.agentkit.crypto;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/** Registers the Tink key types Lifeboat uses, once per JVM. */
final class TinkSetup {

    private static volatile boolean registered;

    private TinkSetup() {
    }

    static void register() {
        if (registered) {
            return;
        }
        synchronized (TinkSetup.class) {
            try {
                AeadConfig.register();
                StreamingAeadConfig.register();
                registered = true;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("unable to register Tink AEAD key types: " + e.getMessage(), e);
            }
        }
    }
}
