package io.lifeboat.agent.redis.replication;

/** How the source delimited the RDB payload on the wire. */
public enum RdbFraming {
    /** {@code $<len>\r\n} then exactly len bytes: disk-based sync, the length of the saved file is known. */
    LENGTH,
    /** {@code $EOF:<40-byte mark>\r\n} then the payload ending with the same mark: diskless sync. */
    EOF_MARK
}
