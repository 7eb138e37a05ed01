package com.lotastro.invoice;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded receipt: its bytes, the type recognised from its first bytes, and its SHA-256 checksum. */
public record Receipt(byte[] content, String contentType, String sha256, String fileName) {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** Recognises the type by content, never by name or declared type; refuses anything but PDF, PNG and JPEG. */
    public static Receipt of(byte[] content, String fileName) {
        String type = sniff(content);
        if (type == null) {
            throw new ApiException(ErrorCode.RECEIPT_TYPE_REFUSED,
                    "A receipt must be a PDF, PNG or JPEG file; the content of this one is none of them");
        }
        return new Receipt(content, type, sha256(content), fileName == null || fileName.isBlank() ? null : trim(fileName));
    }

    static String sniff(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return PDF;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        return null;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String trim(String fileName) {
        String name = fileName.replaceAll("[\\p{Cntrl}]", "");
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
