package dev.closeout.web.page;

import io.micronaut.core.io.ResourceResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file the pages load, read once from the classpath and served under a name with its content's hash
 * ({@code /assets/closeout-1a2b3c4d5e6f.css}), so browsers may keep it for a year and still fetch a changed one
 * at once: a new build of it is a new URL.
 */
final class HashedAsset {

    private final byte[] content;
    private final String url;
    private final String contentType;

    private HashedAsset(byte[] content, String url, String contentType) {
        this.content = content;
        this.url = url;
        this.contentType = contentType;
    }

    /**
     * The classpath file {@code resource} served as {@code /assets/<name>-<hash>.<extension>}; a file missing from
     * the jar stops the application at start rather than leaving a page without its style or script.
     */
    static HashedAsset of(ResourceResolver resources, String resource, String name, String extension,
                          String contentType) {
        byte[] content;
        try (InputStream in = resources.getResourceAsStream("classpath:" + resource)
                .orElseThrow(() -> new IllegalStateException(resource + " is missing from the jar"))) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HashedAsset(content, AssetController.PATH + "/" + name + "-" + hash(content) + "." + extension,
                contentType);
    }

    /** The URL, different for each content. */
    String url() {
        return url;
    }

    /** The last part of the URL, as {@link AssetController} is asked for it. */
    String file() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    String contentType() {
        return contentType;
    }

    byte[] content() {
        return content.clone();
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
