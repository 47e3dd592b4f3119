package io.lifeboat.agentkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * The KMS master key against a hand-written fake {@link KmsClient} (no KMS is reachable from tests): what it sends
 * and how it maps KMS refusals. Real KMS behaviour (key policies, grants) is not covered here.
 */
class KmsMasterKeyTest {

    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd";

    /** Encrypts by prefixing the key id and context, and refuses a blob whose key or context differs, like KMS. */
    static final class FakeKms implements KmsClient {
        final List<Map<String, String>> contexts = new ArrayList<>();

        @Override
        public EncryptResponse encrypt(EncryptRequest request) {
            contexts.add(request.encryptionContext());
            String blob = request.keyId() + "|" + request.encryptionContext() + "|"
                    + request.plaintext().asUtf8String();
            return EncryptResponse.builder().keyId(request.keyId()).ciphertextBlob(SdkBytes.fromUtf8String(blob))
                    .build();
        }

        @Override
        public DecryptResponse decrypt(DecryptRequest request) {
            String prefix = request.keyId() + "|" + request.encryptionContext() + "|";
            String blob = request.ciphertextBlob().asUtf8String();
            if (!blob.startsWith(prefix)) {
                throw InvalidCiphertextException.builder().message("invalid ciphertext").build();
            }
            return DecryptResponse.builder().keyId(request.keyId())
                    .plaintext(SdkBytes.fromUtf8String(blob.substring(prefix.length()))).build();
        }

        @Override
        public String serviceName() {
            return "kms";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void wrapsWithTheTargetAndBackupAsEncryptionContext() throws IOException {
        FakeKms kms = new FakeKms();
        KmsMasterKey key = new KmsMasterKey(kms, KEY);

        byte[] wrapped = key.wrap("secret".getBytes(), ArtifactContext.of("orders", "b7"));

        assertThat(kms.contexts).containsExactly(Map.of("lifeboat:target", "orders", "lifeboat:backup", "b7"));
        assertThat(new String(key.unwrap(wrapped, ArtifactContext.of("orders", "b7")))).isEqualTo("secret");
        assertThat(key.keyId()).isEqualTo(KEY);
    }

    @Test
    void reportsAWrongKeyWhenKmsRefusesTheBlob() throws IOException {
        FakeKms kms = new FakeKms();
        byte[] wrapped = new KmsMasterKey(kms, KEY).wrap("secret".getBytes(), ArtifactContext.of("orders", "b7"));
        KmsMasterKey other = new KmsMasterKey(kms, "alias/other");

        assertThatThrownBy(() -> other.unwrap(wrapped, ArtifactContext.of("orders", "b7")))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining("KMS key 'alias/other'")
                .hasMessageContaining("backup 'b7' of target 'orders'");
        assertThatThrownBy(() -> new KmsMasterKey(kms, KEY).unwrap(wrapped, ArtifactContext.of("orders", "b8")))
                .isInstanceOf(WrongKeyException.class);
    }
}
