package io.lifeboat.agentkit.pipeline;

import io.lifeboat.agentkit.storage.ObjectStore;

/** The round trips against the S3 driver and a real S3 API server (S3Proxy). */
class S3RoundTripIT extends RoundTripContract {

    @Override
    ObjectStore openStore() throws java.io.IOException {
        return S3Stores.freshBucket();
    }
}
