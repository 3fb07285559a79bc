package dev.closeout.similar;

/** Similar incidents are asked for while the index is still being built after a start. */
final class SimilarIndexNotReady extends RuntimeException {

    SimilarIndexNotReady(long indexed) {
        super("the similar-incidents index is being built after a start (" + Math.max(0, indexed)
                + " postmortems so far); try again in a few seconds (Retry-After)", null, false, false);
    }
}
