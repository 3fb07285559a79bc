package dev.closeout.jira;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how one team's follow-ups become tickets, with the team's settings, the configuration's and
 * the global defaults already merged.
 *
 * @param project              project key, or null when neither the team nor {@code closeout.jira.default-project}
 *                             names one (the follow-up's ticket then fails until one is set)
 * @param issueType            issue type name
 * @param labels               labels every ticket gets besides Closeout's own
 * @param components           component names
 * @param priorityMap          Closeout priority, lower-case → Jira priority name
 * @param customFields         Jira field id → value template (JSON text)
 * @param notDoingResolutions  resolutions of a done ticket that mean not_doing, compared case-insensitively
 */
public record JiraMapping(@Nullable String project, String issueType, List<String> labels, List<String> components,
                          Map<String, String> priorityMap, Map<String, String> customFields,
                          List<String> notDoingResolutions) {

    public JiraMapping {
        labels = List.copyOf(labels);
        components = List.copyOf(components);
        priorityMap = Map.copyOf(priorityMap);
        customFields = Map.copyOf(customFields);
        notDoingResolutions = List.copyOf(notDoingResolutions);
    }

    /** The Jira priority for a follow-up's priority, or null to leave Jira's default. */
    @Nullable
    public String jiraPriority(@Nullable String priority) {
        return priority == null ? null : priorityMap.get(priority.strip().toLowerCase(Locale.ROOT));
    }

    /** True when a done ticket with this resolution means the follow-up is not being done. */
    public boolean meansNotDoing(@Nullable String resolution) {
        return resolution != null && notDoingResolutions.stream().anyMatch(r -> r.equalsIgnoreCase(resolution.strip()));
    }

    /**
     * A fingerprint of everything that shapes a create: a ticket that failed under one mapping is tried
     * again when the fingerprint changes.
     */
    public String fingerprint() {
        String text = project + "\n" + issueType + "\n" + labels + "\n" + components + "\n"
                + new TreeMap<>(priorityMap) + "\n" + new TreeMap<>(customFields);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
