package dev.closeout.web.page;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

/** The pages' one stylesheet (resources/public/closeout.css), served as a {@link HashedAsset}. */
@Singleton
class Stylesheet {

    private final HashedAsset asset;

    Stylesheet(ResourceResolver resources) {
        asset = HashedAsset.of(resources, "public/closeout.css", "closeout", "css", "text/css; charset=utf-8");
    }

    /** The stylesheet's URL, different for each content. */
    String url() {
        return asset.url();
    }

    byte[] content() {
        return asset.content();
    }

    HashedAsset asset() {
        return asset;
    }
}
