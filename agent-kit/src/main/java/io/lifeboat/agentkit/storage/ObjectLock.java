package io.lifeboat.agentkit.storage;

import java.io.IOException;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Whether a bucket has S3 Object Lock enabled, and the mode the store applies to retention dates. */
record ObjectLock(boolean enabled, ObjectLockMode mode) {

    private static final Logger LOG = Logger.getLogger(ObjectLock.class);

    /**
     * Asks the bucket once; an error answer (no configuration, not implemented, denied) means no Object Lock. No
     * answer at all fails: opening unlocked would silently drop retention dates for the store's whole life.
     */
    static ObjectLock detect(S3Client client, String bucket, ObjectLockMode mode) throws IOException {
        try {
            GetObjectLockConfigurationResponse response = client.getObjectLockConfiguration(
                    GetObjectLockConfigurationRequest.builder().bucket(bucket).build());
            boolean enabled = response.objectLockConfiguration() != null
                    && response.objectLockConfiguration().objectLockEnabled() == ObjectLockEnabled.ENABLED;
            LOG.debugf("bucket %s: Object Lock %s", bucket, enabled ? "enabled, mode " + mode : "not enabled");
            return new ObjectLock(enabled, mode);
        } catch (S3Exception e) {
            String answer = S3ObjectStore.describe(e);
            if (e.statusCode() == 403) {
                LOG.warnf("bucket %s: not allowed to read the Object Lock configuration, retention dates are not "
                        + "applied: %s", bucket, answer);
            } else {
                LOG.debugf("bucket %s: no Object Lock configuration: %s", bucket, answer);
            }
            return new ObjectLock(false, mode);
        } catch (SdkException e) {
            throw new IOException("unable to read the Object Lock configuration of bucket " + bucket + ": "
                    + S3ObjectStore.describe(e), e);
        }
    }
}
