package io.lifeboat.agentkit.pipeline;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes manifests as JSON; readers ignore unknown fields, so additions stay compatible. */
final class ManifestCodec {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestCodec() {
    }

    static byte[] write(Manifest manifest) throws IOException {
        return JSON.writeValueAsBytes(manifest);
    }

    static Manifest read(byte[] json, String key) throws IOException {
        Manifest manifest;
        try {
            manifest = JSON.readValue(json, Manifest.class);
        } catch (IOException e) {
            throw new IOException("manifest '" + key + "' is not a valid manifest: " + e.getMessage(), e);
        }
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new IOException("manifest '" + key + "' has format version " + manifest.formatVersion()
                    + "; this version of Lifeboat reads version " + Manifest.FORMAT_VERSION);
        }
        if (!Manifest.SHA256_OF_PART_DIGESTS.equals(manifest.sha256Method())) {
            throw new IOException("manifest '" + key + "' has whole-stream checksum method '"
                    + manifest.sha256Method() + "'; this version of Lifeboat reads '"
                    + Manifest.SHA256_OF_PART_DIGESTS + "'");
        }
        return manifest;
    }
}
