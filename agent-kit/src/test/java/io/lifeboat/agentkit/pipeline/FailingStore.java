package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectUpload;
import io.lifeboat.agentkit.storage.WriteOptions;

/** A store that passes everything to a real one but fails writes of keys ending with a given suffix. */
final class FailingStore implements ObjectStore {

    private final ObjectStore delegate;
    private final String failingSuffix;

    FailingStore(ObjectStore delegate, String failingSuffix) {
        this.delegate = delegate;
        this.failingSuffix = failingSuffix;
    }

    @Override
    public ObjectUpload upload(String key, WriteOptions options) throws IOException {
        ObjectUpload upload = delegate.upload(key, options);
        if (!key.endsWith(failingSuffix)) {
            return upload;
        }
        return new ObjectUpload() {
            private long written;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > 300_000) {
                    throw new IOException("connection reset by peer");
                }
                upload.write(bytes, offset, length);
            }

            @Override
            public ObjectInfo complete() throws IOException {
                return upload.complete();
            }

            @Override
            public void abort() {
                upload.abort();
            }

            @Override
            public void close() {
                upload.close();
            }
        };
    }

    @Override
    public void put(String key, byte[] bytes, WriteOptions options) throws IOException {
        if (key.endsWith(failingSuffix)) {
            throw new IOException("access denied");
        }
        delegate.put(key, bytes, options);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return delegate.open(key);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
        return delegate.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
        delegate.delete(key);
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
