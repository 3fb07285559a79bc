package dev.closeout.postmortem.extraction;

/**
 * Reads the incident's title, affected service, start, end, duration and impact. Never throws: text it
 * cannot read yields nulls.
 */
final class IncidentFactsExtractor {

    private final IncidentWindowFinder window = new IncidentWindowFinder();
    private final ImpactFinder impact = new ImpactFinder();
    private final TitleFinder titles = new TitleFinder();

    IncidentFacts extract(Document document) {
        String title;
        Incident incident;
        Double impactPercent;
        try {
            title = titles.find(document);
            incident = window.find(document);
            impactPercent = impact.find(document);
        } catch (RuntimeException unreadable) {
            // Extraction is best effort over arbitrary text; a rule tripping on odd input must not
            // fail the import, and the missing facts stay visible as nulls.
            title = null;
            incident = Incident.unknown();
            impactPercent = null;
        }
        return new IncidentFacts(title, new ServiceFinder().find(document), incident, impactPercent);
    }
}
