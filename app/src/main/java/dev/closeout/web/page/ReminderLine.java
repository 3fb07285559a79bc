package dev.closeout.web.page;

import dev.closeout.notify.Notification;

/** One reminder or escalation as the follow-up page lists it: "reminder (+1d)", "email: amira@example.com". */
record ReminderLine(String day, String what, String to, String state, String why) {

    static ReminderLine of(Notification notification) {
        Integer offset = notification.offsetDays();
        String what = notification.kind().wireName()
                + (offset == null ? "" : " (" + (offset > 0 ? "+" : "") + offset + "d)");
        String to = notification.channel().wireName()
                + (notification.recipient() == null ? "" : ": " + notification.recipient());
        return new ReminderLine(notification.sendDay().toString(), what, to, notification.state().wireName(),
                notification.reason() == null ? "" : notification.reason());
    }
}
