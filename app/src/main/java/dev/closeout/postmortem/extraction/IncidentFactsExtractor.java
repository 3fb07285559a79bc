package dev.closeout.postmortem.extraction;

/**
 * Reads the incident's title, affected service, start, end, duration and impact. Never throws: text it
 * cannot read yields nulls.
 */
final class IncidentFactsExtractor {

    private final IncidentWindowFinder window = new IncidentWindowFinder();
    private final ImpactFinder impact = new ImpactFinder();
    private final TitleFinder titles = new TitleFinder();
    private final ServiceFinder services = new ServiceFinder();

    IncidentFacts extract(Document document) {
        // Extraction is best effort over arbitrary text; a rule tripping on odd input must not fail the
        // import, and the missing facts stay visible as nulls.
        String title;
        try {
            title = titles.find(document);
        } catch (RuntimeException unreadable) {
            return new IncidentFacts(null, null, Incident.unknown(), null);
        }
        // the service finder reads the title first, as it names the service most plainly
        String service = services.find(document, title);
        try {
            return new IncidentFacts(title, service, window.find(document), impact.find(document));
        } catch (RuntimeException unreadable) {
            return new IncidentFacts(null, service, Incident.unknown(), null);
        }
    }
}
