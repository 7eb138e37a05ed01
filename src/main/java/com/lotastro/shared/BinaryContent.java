package com.lotastro.shared;

import java.io.File;

/**
 * Bytes held in memory answered by an operation the contract gives a binary body (generated as {@link File}); written
 * as they are, with their own content type, by {@link BinaryContentWriter}. Nothing is ever read from or written to
 * the file system.
 */
public final class BinaryContent extends File {
    private final transient byte[] bytes;
    private final String contentType;

    public BinaryContent(byte[] bytes, String contentType) {
        super("in-memory");
        this.bytes = bytes.clone();
        this.contentType = contentType;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String contentType() {
        return contentType;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
