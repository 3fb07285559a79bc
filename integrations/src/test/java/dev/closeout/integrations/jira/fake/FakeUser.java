package dev.closeout.integrations.jira.fake;

/** A Jira user. Cloud knows it by accountId, Data Center by username (the part of the email before '@'). */
public final class FakeUser {
    private final String accountId;
    private final String displayName;
    private final String email;
    private volatile boolean emailHidden;
    private volatile boolean active = true;

    FakeUser(String accountId, String displayName, String email) {
        this.accountId = accountId;
        this.displayName = displayName;
        this.email = email;
    }

    /** Profile visibility: the email is not returned and only an exact full-address query finds the user. */
    public FakeUser hideEmail() {
        emailHidden = true;
        return this;
    }

    /** Deactivated users are not found by user search and cannot be assigned. */
    public FakeUser inactive() {
        active = false;
        return this;
    }

    public String accountId() { return accountId; }
    public String displayName() { return displayName; }
    public String email() { return email; }
    public String username() { return email.substring(0, email.indexOf('@')); }
    public boolean emailHidden() { return emailHidden; }
    public boolean active() { return active; }
}
