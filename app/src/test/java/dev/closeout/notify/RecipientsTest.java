package dev.closeout.notify;

import dev.closeout.notify.Recipients.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipientsTest {

    private static final TeamNotify PAY = new TeamNotify(100_001L, null, "pay-team@example.com",
            "https://hooks.slack.com/services/T0/B0/secret", null, "pay-leads@example.com",
            Map.of("amira", "amira@example.com"), null);
    private static final TeamNotify QUIET = TeamNotify.none(100_002L);

    @Test
    void anOwnerWhoIsAnAddressGetsTheMailThemselves() {
        assertEquals(List.of(new Target(Channel.EMAIL, "dana@example.com", null)),
                Recipients.reminder("dana@example.com", PAY, "pay", true));
    }

    @Test
    void aMemberNameIsLookedUpInTheTeam() {
        assertEquals(List.of(new Target(Channel.EMAIL, "amira@example.com", null)),
                Recipients.reminder("amira", PAY, "pay", true));
    }

    @Test
    void anOwnerWithNoAddressGoesToEveryChannelOfTheTeam() {
        assertEquals(List.of(new Target(Channel.EMAIL, "pay-team@example.com", null),
                        new Target(Channel.SLACK, Notification.TEAM_CHANNEL, null)),
                Recipients.reminder("pay-oncall", PAY, "pay", true));
        // and with e-mail off, Slack only
        assertEquals(List.of(new Target(Channel.SLACK, Notification.TEAM_CHANNEL, null)),
                Recipients.reminder("amira", PAY, "pay", false));
    }

    @Test
    void nobodyReachableIsOneSkippedTargetThatSaysWhy() {
        List<Target> none = Recipients.reminder("dana", QUIET, "quiet", true);
        assertEquals(1, none.size());
        assertEquals(Channel.NONE, none.get(0).channel());
        assertEquals("owner 'dana' has no e-mail address (not one, and not in the team's members), and team 'quiet' "
                + "has no email, slack_webhook_url or webhook_url", none.get(0).reason());
        assertEquals("the follow-up has no owner and no team", Recipients.reminder(null, null, null, true).get(0).reason());
        assertTrue(Recipients.reminder("dana@example.com", null, null, false).get(0).reason()
                .contains("e-mail is off"));
    }

    @Test
    void escalationGoesToTheContactByMailOrByItsWebhook() {
        assertEquals(List.of(new Target(Channel.EMAIL, "pay-leads@example.com", null)),
                Recipients.escalation(PAY, "pay", true));
        TeamNotify chat = new TeamNotify(1L, null, null, null, null, "https://hooks.slack.com/services/T0/B1/lead",
                Map.of(), null);
        assertEquals(List.of(new Target(Channel.SLACK, Notification.ESCALATION_CHANNEL, null)),
                Recipients.escalation(chat, "web", true));
        assertEquals("team 'quiet' has no escalation_contact", Recipients.escalation(QUIET, "quiet", true).get(0).reason());
    }
}
