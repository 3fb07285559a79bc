package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ServiceFinderTest {

    private static String service(String text) {
        Document document = new DocumentReader().read(text);
        return new ServiceFinder().find(document, new TitleFinder().find(document));
    }

    @Test
    void readsTheServiceField() {
        assertEquals("Billing API", service("# Outage\n\nService: Billing API\nDate: 2024-01-02\n"));
        assertEquals("Checkout", service("**Affected services:** Checkout\n"));
        assertEquals("Orders DB", service("- **Affected System**: Orders DB\n"));
    }

    @Test
    void readsAComponentFieldBetweenLineBreakTags() {
        assertEquals("payments gateway",
                service("Description: Requests failed<br> Component: payments gateway<br> Duration: 2h\n"));
    }

    @Test
    void dropsTheAddressAfterAFieldValue() {
        assertEquals("Staging server", service("Affected Service: Staging server at https://10.0.0.1/index.php\n"));
    }

    @Test
    void ignoresAFieldThatNamesNothing() {
        assertNull(service("Service: N/A\n"));
        assertNull(service("Affected systems: all\n"));
    }

    @Test
    void readsTheFirstItemListedUnderAffectedSystems() {
        assertEquals("Search API", service("**Affected Systems:**\n\n- **Search API:** slow answers.\n- **Indexer:** lagging.\n"));
        assertNull(service("## Affected Systems\n\n- **All Dependent Servers:** everything using the provider.\n"));
    }

    @Test
    void readsAQuotedServiceName() {
        assertEquals("ShopFront", service("Impact: The service \"ShopFront\" experienced a complete outage.\n"));
    }

    @Test
    void ignoresAQuotedStateThatIsNoName() {
        assertNull(service("Searches resulted in the application \"spinning\" forever.\n"));
    }

    @Test
    void readsTheSubjectThatWentDown() {
        assertEquals("Grafana", service("Summary\n\nOn May 3, Grafana was unavailable for two hours.\n"));
        assertEquals("booking portal", service("| 09:32 | We are told that the booking portal is down. |\n"));
        assertEquals("search cluster", service("At 10:00 the search cluster went down after a deploy.\n"));
        assertEquals("Status page", service("Status page stopped responding at noon.\n"));
    }

    @Test
    void readsTheSubjectThatExperiencedAnOutage() {
        assertEquals("Acme p2p network", service("For an hour the Acme p2p network experienced a congestion.\n"));
        assertEquals("e-commerce platform", service("Our e-commerce platform experienced an outage.\n"));
        assertEquals("main website and client portal", service("The company's main website and client portal were down.\n"));
    }

    @Test
    void takesTheNameInParenthesesAfterADescription() {
        assertEquals("Atlas", service("From 12:30 to 13:45, our web application (Atlas) experienced a shutdown.\n"));
    }

    @Test
    void readsTheNamedOutageInTheTitle() {
        assertEquals("ExApp", service("## Postmortem: Service Outage on ExApp\n\nText.\n"));
    }

    @Test
    void readsWhatUsersCouldNotReach() {
        assertEquals("relay-network", service("Users were not able to connect to the relay-network.\n"));
    }

    @Test
    void readsTheServiceAnIssueWasWith() {
        assertEquals("CRM", service("Issue with the CRM service (ticket 123)\n"));
        assertEquals("WordPress", service("Users experienced access issues with WordPress websites, receiving errors.\n"));
    }

    @Test
    void stripsATrailingInstanceWord() {
        assertEquals("Synapse", service("A bad restart caused partial failure of the Synapse instance.\n"));
    }

    @Test
    void genericWebStackWordsNameNothing() {
        assertNull(service("Impact: Our web application experienced a 100% downtime.\n"));
        assertNull(service("The web service was completely unavailable during the outage.\n"));
        assertNull(service("Our production web server experienced a critical failure.\n"));
        assertNull(service("Users were unable to access the website.\n"));
        assertNull(service("The site was slow and intermittently down.\n"));
        assertNull(service("13:10 monitoring alerts indicated that the site was down.\n"));
    }

    @Test
    void peopleAndProvidersAreNotTheService() {
        assertNull(service("US-based users experienced connectivity disruptions.\n"));
        assertNull(service("All servers relying on the affected DNS provider experienced downtime.\n"));
        assertNull(service("The DNS provider experienced multiple service degradations.\n"));
    }

    @Test
    void datesAndPortsAreNotTheService() {
        assertNull(service("# Postmortem: Website Outage on August 1, 2024\n\nText.\n"));
        assertNull(service("We are unable to connect to port 80.\n"));
        assertNull(service("Fixes a build failure on Android for app bundles.\n"));
    }

    @Test
    void ignoresCommandsInCodeBlocks() {
        assertNull(service("```\nService: nginx\n```\n"));
    }

    @Test
    void ignoresALongClauseBeforeThePredicate() {
        assertNull(service("after we rolled back every single config change made yesterday was down\n"));
    }

    @Test
    void answersAHugeSingleLine() {
        String line = "the service ".repeat(400_000) + "was down";
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> service(line));
    }

    @Test
    void neverThrowsOnOddText() {
        assertNull(service(""));
        assertNull(service("was down"));
        assertNull(service("(\n) was down\n\"\" experienced an outage\noutage of\n"));
    }
}
