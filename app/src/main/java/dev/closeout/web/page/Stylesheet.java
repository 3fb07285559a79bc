package dev.closeout.web.page;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The pages' one stylesheet (resources/public/closeout.css), served under a name with its content's hash so
 * browsers may keep it for a year and still fetch a changed one at once.
 */
@Singleton
class Stylesheet {

    private static final String RESOURCE = "classpath:public/closeout.css";

    private final byte[] content;
    private final String url;

    Stylesheet(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(RESOURCE)
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " is missing from the jar"))) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        url = AssetController.PATH + "/closeout-" + hash(content) + ".css";
    }

    /** The stylesheet's URL, different for each content. */
    String url() {
        return url;
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
