package dev.closeout.postmortem.extraction;

/**
 * Reads a postmortem's text and returns what it states and commits to. Plain Java with no framework,
 * so the HTTP import, the command line, the corpus evaluation and the benchmark all run the same code.
 * Thread-safe: one instance serves every caller.
 */
public final class PostmortemExtractor {

    private final DocumentReader reader = new DocumentReader();
    private final IncidentFactsExtractor facts = new IncidentFactsExtractor();
    private final RootCauseExtractor rootCauses = new RootCauseExtractor();
    private final ActionExtractor actions = new ActionExtractor();

    public Extraction extract(String text) {
        TextCache.startDocument();
        Document document = reader.read(text);
        IncidentFacts incident = facts.extract(document);
        return new Extraction(incident.title(), incident.service(), document.mediaType().wireName(),
                incident.incident(), incident.impactPercent(), rootCauses.extract(document),
                actions.extract(document));
    }
}
