package dev.closeout.demo;

import java.util.List;
import java.util.Map;

/**
 * The words demo postmortems are written with: team names, people, and for each root-cause class of the
 * taxonomy (shared/corpus/LABELING.md) what it looks like from the outside, what caused it and what
 * teams commit to afterwards. {@code {s}} stands for the service, {@code {c}} for the component's words.
 */
final class DemoVocabulary {

    static final List<String> TEAMS = List.of("payments", "checkout", "billing", "identity", "search", "storefront",
            "catalog", "inventory", "shipping", "notifications", "messaging", "mobile-api", "web-frontend",
            "data-platform", "analytics", "ml-platform", "recommendations", "ads", "fraud", "risk", "ledger",
            "accounting", "support-tools", "crm", "email", "sms", "maps", "pricing", "promotions", "loyalty",
            "reviews", "media", "video", "images", "cdn", "edge", "networking", "dns", "storage", "databases",
            "caching", "queueing", "observability", "ci-cd", "developer-tools", "security", "compliance",
            "platform", "kubernetes", "internal-tools");

    static final List<String> SERVICE_SUFFIXES = List.of("api", "gateway", "worker", "web", "scheduler", "sync",
            "ingest", "admin", "proxy", "store", "index", "router");

    /** Services nobody registered: their follow-ups have no team. */
    static final List<String> UNOWNED_SERVICES = List.of("legacy-batch", "vendor-portal", "office-wifi");

    static final List<String> FIRST_NAMES = List.of("aisha", "ben", "carla", "deepak", "elena", "farid", "grace",
            "hiro", "ines", "jonas", "kemi", "lucas", "maya", "nikolai", "olga", "pedro", "quinn", "rahul", "sofia",
            "tomas", "uma", "victor", "wen", "ximena", "yusuf", "zoe", "amir", "bea", "chen", "dara");

    static final List<String> LAST_NAMES = List.of("okafor", "schmidt", "tanaka", "silva", "novak", "haddad",
            "kowalski", "nguyen", "patel", "larsen", "moreau", "ivanova", "garcia", "kim", "mensah", "rossi",
            "fischer", "alvarez", "dubois", "sato");

    static final List<String> PRIORITIES = List.of("P1", "P2", "P3");

    static final List<String> NOT_DOING_REASONS = List.of("superseded by the platform migration",
            "duplicate of another follow-up", "service decommissioned", "cost outweighs the risk",
            "covered by the new deploy checks", "owner team disbanded; risk accepted",
            "vendor fixed it on their side");

    /** Relative frequency of each component among incidents, most common first. */
    static final Map<String, Integer> COMPONENT_WEIGHTS = Map.ofEntries(Map.entry("application", 22),
            Map.entry("database", 14), Map.entry("deploy-pipeline", 8), Map.entry("network", 7),
            Map.entry("compute", 7), Map.entry("third-party", 7), Map.entry("load-balancer", 5),
            Map.entry("cache", 5), Map.entry("queue", 5), Map.entry("storage", 5), Map.entry("dns", 4),
            Map.entry("certificate", 3), Map.entry("auth", 3), Map.entry("web-server", 3),
            Map.entry("monitoring", 2), Map.entry("other", 1));

    static final Map<String, Integer> TRIGGER_WEIGHTS = Map.ofEntries(Map.entry("configuration-change", 22),
            Map.entry("code-change", 20), Map.entry("resource-exhaustion", 12), Map.entry("software-bug", 11),
            Map.entry("dependency-failure", 10), Map.entry("traffic-surge", 8), Map.entry("human-error", 6),
            Map.entry("hardware-failure", 4), Map.entry("expiry", 4), Map.entry("unknown", 2),
            Map.entry("attack", 1));

    /** What the component is called in a sentence. */
    static final Map<String, String> COMPONENT_WORDS = Map.ofEntries(
            Map.entry("load-balancer", "load balancer"), Map.entry("web-server", "nginx front end"),
            Map.entry("application", "application code"), Map.entry("database", "primary database"),
            Map.entry("cache", "Redis cache"), Map.entry("queue", "Kafka consumer group"),
            Map.entry("dns", "DNS records"), Map.entry("network", "network path between zones"),
            Map.entry("storage", "disk of the storage nodes"), Map.entry("compute", "Kubernetes node pool"),
            Map.entry("certificate", "TLS certificate"), Map.entry("auth", "service credentials"),
            Map.entry("third-party", "payment provider's API"), Map.entry("deploy-pipeline", "deploy pipeline"),
            Map.entry("monitoring", "alerting rules"), Map.entry("other", "data centre power feed"));

    /** What people saw, by component. */
    static final Map<String, List<String>> SYMPTOMS = Map.ofEntries(
            Map.entry("load-balancer", List.of("502 errors", "requests routed to drained hosts")),
            Map.entry("web-server", List.of("503 errors on every page", "static assets not served")),
            Map.entry("application", List.of("elevated error rate", "requests timing out", "wrong totals shown")),
            Map.entry("database", List.of("database connection errors", "slow queries", "replication lag")),
            Map.entry("cache", List.of("cache stampede", "stale data served")),
            Map.entry("queue", List.of("message backlog", "events processed twice")),
            Map.entry("dns", List.of("name resolution failures", "traffic sent to the old region")),
            Map.entry("network", List.of("packet loss between zones", "partial outage in one region")),
            Map.entry("storage", List.of("disk full", "writes failing")),
            Map.entry("compute", List.of("pods evicted", "CPU saturation")),
            Map.entry("certificate", List.of("TLS handshake failures", "expired certificate warnings")),
            Map.entry("auth", List.of("logins failing", "401s between services")),
            Map.entry("third-party", List.of("provider timeouts", "upstream outage")),
            Map.entry("deploy-pipeline", List.of("broken release shipped", "deploys blocked")),
            Map.entry("monitoring", List.of("outage not paged", "alert storm")),
            Map.entry("other", List.of("hosts lost power", "rack offline")));

    /** The root-cause sentence, by trigger. */
    static final Map<String, String> CAUSES = Map.ofEntries(
            Map.entry("configuration-change", "A configuration change to the {c} of {s} was rolled out to every "
                    + "zone at once and broke it."),
            Map.entry("code-change", "A release of {s} shipped a change that misused the {c}, and the canary "
                    + "did not catch it."),
            Map.entry("traffic-surge", "A traffic surge from a marketing campaign overloaded the {c} of {s}."),
            Map.entry("resource-exhaustion", "The {c} of {s} ran out of capacity as connections and memory grew "
                    + "without limit."),
            Map.entry("hardware-failure", "A hardware failure took down part of the {c} behind {s}."),
            Map.entry("expiry", "Something the {c} of {s} depends on expired and nobody renewed it in time."),
            Map.entry("dependency-failure", "A dependency of the {c} failed and {s} had no fallback."),
            Map.entry("human-error", "A manual command meant for staging was run against the {c} of {s} in "
                    + "production."),
            Map.entry("attack", "A credential-stuffing attack flooded the {c} of {s}."),
            Map.entry("software-bug", "A latent bug in how {s} uses the {c} surfaced under normal load."),
            Map.entry("unknown", "The {c} of {s} failed for reasons still not understood."));

    /** Follow-ups that fix this incident's defect, by component. */
    static final Map<String, List<String>> CORRECTIVE = Map.ofEntries(
            Map.entry("load-balancer", List.of("Fix the health check of the {s} backends on the load balancer",
                    "Remove the stale routing rule for {s}")),
            Map.entry("web-server", List.of("Restore the nginx worker limits for {s}",
                    "Fix the server block that dropped {s} traffic")),
            Map.entry("application", List.of("Fix the null handling in the {s} request path",
                    "Add a regression test for the {s} failure", "Roll back the faulty {s} release everywhere")),
            Map.entry("database", List.of("Add the missing index used by the {s} queries",
                    "Cap the connection pool of {s} per instance", "Fix the failover script of the {s} database")),
            Map.entry("cache", List.of("Add request coalescing to the {s} cache",
                    "Set expiry times on the {s} cache keys")),
            Map.entry("queue", List.of("Make the {s} consumer idempotent", "Raise the partition count of the {s} topic")),
            Map.entry("dns", List.of("Lower the TTL of the {s} DNS records", "Fix the {s} CNAME pointing at the old region")),
            Map.entry("network", List.of("Fix the firewall rule that blocked {s}",
                    "Restore the redundant link used by {s}")),
            Map.entry("storage", List.of("Rotate and compress the {s} logs", "Grow the {s} volumes and set quotas")),
            Map.entry("compute", List.of("Set memory limits on the {s} pods", "Add nodes to the {s} node pool")),
            Map.entry("certificate", List.of("Renew the {s} certificate and automate renewal",
                    "Add the intermediate certificate to the {s} chain")),
            Map.entry("auth", List.of("Rotate the {s} service credentials", "Fix the token refresh in {s}")),
            Map.entry("third-party", List.of("Add a timeout and retry budget to {s} provider calls",
                    "Add a fallback provider for {s}")),
            Map.entry("deploy-pipeline", List.of("Fix the {s} deploy script's rollback step",
                    "Block deploys of {s} when the canary fails")),
            Map.entry("monitoring", List.of("Fix the {s} alert that never fired", "Route {s} alerts to the on-call rota")),
            Map.entry("other", List.of("Move {s} hosts to racks on separate power feeds",
                    "Test the generator failover for the {s} racks")));

    /** Follow-ups that make the class of incident less likely, whatever the component. */
    static final List<String> PREVENTATIVE = List.of("Alert on the error rate of {s} before customers notice",
            "Write a runbook for {s} incidents of this kind", "Load test {s} at twice the peak traffic",
            "Add {s} to the weekly game day", "Review change management for {s} configuration",
            "Add a canary stage to the {s} release pipeline", "Add a dashboard for the {c} of {s}",
            "Document the dependencies of {s}", "Train the on-call rota on the {s} failover",
            "Audit the other services for the same {c} problem", "Add an SLO and error budget for {s}",
            "Automate the manual recovery steps used for {s}");

    private DemoVocabulary() {
    }
}
