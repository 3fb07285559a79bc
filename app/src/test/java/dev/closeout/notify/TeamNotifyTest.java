package dev.closeout.notify;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team's settings as the planner asks them: whose address a member has, and what kind of escalation it is. */
class TeamNotifyTest {

    private static final String SLACK = "https://hooks.slack.com/services/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";

    private final TeamNotify payments = new TeamNotify(100_004, ZoneId.of("Europe/Berlin"), "payments@example.com",
            SLACK, null, "pay-leads@example.com",
            Map.of("Amira", "amira.haddad@example.com", "@jonas", "jonas.weber@example.com"), List.of(-3, 0, 1));

    @Test
    void findsAMemberHoweverTheFollowUpSpellsTheOwner() {
        for (String owner : List.of("amira", "Amira", "@amira", " @AMIRA ")) {
            assertEquals("amira.haddad@example.com", payments.memberAddress(owner), owner);
        }
        for (String owner : List.of("jonas", "@Jonas", "JONAS")) {
            assertEquals("jonas.weber@example.com", payments.memberAddress(owner), owner);
        }
    }

    @Test
    void anOwnerWhoIsNotAMemberOrNoOwnerHasNoAddress() {
        assertNull(payments.memberAddress("priya"));
        assertNull(payments.memberAddress("amira.haddad"));
        assertNull(payments.memberAddress("@"));
        assertNull(payments.memberAddress("  "));
        assertNull(payments.memberAddress(null));
        assertNull(TeamNotify.none(100_004).memberAddress("amira"));
    }

    @Test
    void anEscalationContactIsAnEmailAddressOrAWebhook() {
        assertTrue(payments.escalationIsEmail());
        TeamNotify toSlack = new TeamNotify(100_004, null, null, null, null,
                "https://hooks.slack.com/services/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", Map.of(), null);
        assertFalse(toSlack.escalationIsEmail());
        assertFalse(TeamNotify.none(100_004).escalationIsEmail());
    }

    @Test
    void checksOneAddressStrictly() {
        for (String address : List.of("amira.haddad@example.com", "pay+alerts@mail.example.co.uk", "o'neil@example.io")) {
            assertTrue(TeamNotify.isEmailAddress(address), address);
        }
        for (String address : List.of("amira", "amira@example", "amira @example.com", "a@example.com, b@example.com",
                "a@b@example.com", ".amira@example.com", "amira..h@example.com", "amira@-example.com",
                "https://hooks.slack.com/services/x", "x".repeat(65) + "@example.com", "")) {
            assertFalse(TeamNotify.isEmailAddress(address), address);
        }
    }

    @Test
    void aTeamThatSetsNothingIsEmptyAndMembersAreNeverNull() {
        TeamNotify none = TeamNotify.none(100_004);

        assertTrue(none.isEmpty());
        assertEquals(Map.of(), new TeamNotify(100_004, null, null, null, null, null, null, null).members());
        assertFalse(payments.isEmpty());
        assertEquals(100_007, payments.withTeamId(100_007).teamId());
        assertEquals(payments.members(), payments.withTeamId(100_007).members());
    }

    @Test
    void itsTextShowsNoWebhookToken() {
        String text = payments.toString();

        assertFalse(text.contains("Xq7vZk2mN4pR8sT1uW3yA5bC"), text);
        assertTrue(text.contains("https://hooks.slack.com/…"), text);
        assertTrue(text.contains("pay-leads@example.com"), text);
    }
}
