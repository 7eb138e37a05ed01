package com.lotastro.shared;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes {@link BinaryContent} with its own content type, ahead of the writer for real files. */
@Provider
@Produces(MediaType.WILDCARD)
public class BinaryContentWriter implements MessageBodyWriter<BinaryContent> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return BinaryContent.class.isAssignableFrom(type);
    }

    @Override
    public long getSize(BinaryContent content, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return content.length();
    }

    @Override
    public void writeTo(BinaryContent content, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, content.contentType());
        headers.putSingle(HttpHeaders.CONTENT_LENGTH, Long.toString(content.length()));
        out.write(content.bytes());
    }
}
