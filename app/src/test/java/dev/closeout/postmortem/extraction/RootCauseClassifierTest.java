package dev.closeout.postmortem.extraction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RootCauseClassifierTest {

    private final RootCauseExtractor extractor = new RootCauseExtractor();

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            A misconfigured routing rule on the load balancer sent every request to one backend.        | load-balancer
            Nginx was listening on port 8080 instead of port 80 after the install.                      | web-server
            A null pointer exception in the checkout code crashed the application.                      | application
            The MySQL primary ran out of connections and refused new queries.                           | database
            A Redis node holding the session cache was evicting keys under memory pressure.             | cache
            The Kafka consumers fell behind and the queue of unprocessed messages grew for hours.       | queue
            The DNS records still pointed at the old IP address after the migration.                   | dns
            A firewall rule blocked incoming traffic on port 443.                                       | network
            The disk filled up with log files and writes failed.                                        | storage
            The Kubernetes nodes hit their CPU limit and pods were evicted.                             | compute
            The TLS certificate for the API domain expired over the weekend.                            | certificate
            An expired password for the service account made every login fail.                         | auth
            Our payment provider suffered an outage and all card payments failed.                      | third-party
            A bug in the CI pipeline published unsigned build artifacts.                                | deploy-pipeline
            The alerting rules in Prometheus silently stopped firing, so nobody was paged.              | monitoring
            A power failure in the data center took every rack offline.                                 | other
            """)
    void namesTheComponentWhereTheFaultLived(String paragraph, String component) {
        assertEquals(component, extractor.classify(paragraph).component());
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            An engineer pushed a configuration change that lowered the connection limit.                | configuration-change
            A deploy of new code introduced a regression in the search endpoint.                        | code-change
            A sudden traffic spike from a marketing campaign overwhelmed the web tier.                  | traffic-surge
            The disk ran out of space because old logs were never rotated.                              | resource-exhaustion
            A failed disk controller in the storage array corrupted the volume.                         | hardware-failure
            The SSL certificate expired because the renewal job had been disabled.                      | expiry
            Our upstream DNS provider suffered an outage, so nothing resolved.                          | dependency-failure
            An operator ran the cleanup command on the wrong host by mistake.                           | human-error
            A DDoS attack from a botnet flooded the login endpoint.                                     | attack
            A latent race condition in the scheduler surfaced under normal operation.                   | software-bug
            The service was down for two hours and we are still investigating.                          | unknown
            """)
    void namesWhatSetTheIncidentOff(String paragraph, String trigger) {
        assertEquals(trigger, extractor.classify(paragraph).trigger());
    }

    @ParameterizedTest(name = "{1}/{2} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The file server's disk failed, so the repositories on it went offline.                     | storage    | hardware-failure
            The servers in one hall shut down after overheating when a chiller stopped.                 | other      | hardware-failure
            Logstash fell behind under a surge of log entries and dropped events for hours.             | monitoring | traffic-surge
            The pub/sub messaging system ran out of memory and dropped messages.                        | queue      | resource-exhaustion
            """)
    void readsTheVocabularyOfEachClassAsTheLabellingGuideDefinesIt(String paragraph, String component,
                                                                  String trigger) {
        RootCause cause = RootCauseExtractor.rulesOnly().classify(paragraph);

        assertEquals(component, cause.component());
        assertEquals(trigger, cause.trigger());
    }

    @Test
    void aSummaryThatNamesItsRootCauseIsClassifiedByTheCauseNotTheImpact() {
        String summary = "Summary of impact: customers using Virtual Machines, Storage and SQL Database in West "
                + "Europe saw errors and timeouts. Preliminary root cause: a DNS record for the region was removed.";

        RootCause cause = RootCauseExtractor.rulesOnly().classify(summary);

        assertEquals("dns", cause.component());
    }

    @Test
    void anExpiredCertificateIsACertificateExpiryWhateverElseIsSaid() {
        RootCause cause = extractor.classify("Users saw errors from the load balancer and the database because the "
                + "TLS certificate on the load balancer had expired.");

        assertEquals("certificate", cause.component());
        assertEquals("expiry", cause.trigger());
    }

    @Test
    void aConfigurationChangeDeployedIsAConfigurationChangeNotACodeChange() {
        RootCause cause = extractor.classify("We deployed a DNS configuration change that broke name resolution "
                + "for every container in the cluster.");

        assertEquals("dns", cause.component());
        assertEquals("configuration-change", cause.trigger());
    }

    @Test
    void aReleaseOfNewCodeIsACodeChangeEvenWhenItExposesABug() {
        RootCause cause = extractor.classify("The release of version 2.3 of the API introduced a bug that made "
                + "every request fail.");

        assertEquals("code-change", cause.trigger());
        assertEquals("application", cause.component());
    }

    @Test
    void anAttackRuledOutIsNotTheTrigger() {
        RootCause cause = extractor.classify("The outage was an internal software bug and not the result of an "
                + "attack.");

        assertEquals("software-bug", cause.trigger());
    }

    @Test
    void aComponentFirstSuspectedIsNotTheComponent() {
        RootCause cause = extractor.classify("We initially suspected the database, but the root cause was a "
                + "misconfigured firewall rule that dropped traffic.");

        assertEquals("network", cause.component());
        assertEquals("configuration-change", cause.trigger());
    }

    @Test
    void aNegationNamesTheComponentStillButNotTheTrigger() {
        RootCause cause = extractor.classify("There was no monitoring of subnet capacity, so the subnets ran out of "
                + "free IP addresses.");

        assertEquals("network", cause.component());
        assertEquals("resource-exhaustion", cause.trigger());
    }

    @Test
    void theCauseOutweighsItsEffects() {
        RootCause cause = extractor.classify("A misconfiguration of the load balancer caused a heavy load on a "
                + "single server, leading to timeouts.");

        assertEquals("load-balancer", cause.component());
        assertEquals("configuration-change", cause.trigger());
    }

    @Test
    void namesNoComponentAndNoTriggerWhenNothingIsSaid() {
        RootCause cause = extractor.classify("Customers saw a degraded experience for two hours on Tuesday.");

        assertEquals("other", cause.component());
        assertEquals("unknown", cause.trigger());
    }

    @Test
    void aPartNamedOnlyInPassingIsStillThePartWhenNothingElseIsNamed() {
        RootCause cause = extractor.classify("Missing invoices for two days: an issue with the billing service.");

        assertEquals("application", cause.component());
    }

    @Test
    void twoPartsNamedAsWeaklyAsEachOtherNameNeither() {
        RootCause cause = extractor.classify("Two hours of degraded performance after an error during the move of "
                + "a critical backend system and its records.");

        assertEquals("other", cause.component());
    }
}
