package io.lifeboat.testkit.kafka;

import java.nio.file.Path;
import java.time.Duration;

import io.lifeboat.testkit.process.Command;

/**
 * A self-signed broker certificate for 127.0.0.1 and localhost, made with the JDK's {@code keytool}: a PKCS12
 * keystore for the broker and the certificate as PEM for clients to trust.
 */
final class KafkaCertificates {

    /** Protects a throw-away test key; never a credential of anything else. */
    static final String KEYSTORE_PASSWORD = "lifeboat-test-keystore";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path keystore;
    private final Path certificatePem;

    private KafkaCertificates(Path keystore, Path certificatePem) {
        this.keystore = keystore;
        this.certificatePem = certificatePem;
    }

    /** Writes {@code broker.p12} and {@code broker.pem} into {@code dir}. */
    static KafkaCertificates create(Path dir) {
        Path keystore = dir.resolve("broker.p12");
        Path pem = dir.resolve("broker.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        // EC keys: generated in milliseconds, where RSA takes a noticeable share of a 2-core machine.
        Command.of(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "7",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD)
                .timeout(PATIENCE).runChecked("generate the test broker's key pair");
        Command.of(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-file", pem.toString()).timeout(PATIENCE)
                .runChecked("export the test broker's certificate");
        return new KafkaCertificates(keystore, pem);
    }

    Path keystore() {
        return keystore;
    }

    Path certificatePem() {
        return certificatePem;
    }
}
