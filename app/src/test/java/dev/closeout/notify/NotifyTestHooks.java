package dev.closeout.notify;

import jakarta.inject.Singleton;

/** What the notification job does at each tick, for tests outside this package that move the clock. */
@Singleton
public class NotifyTestHooks {

    private final NotificationPlanner planner;
    private final NotificationSender sender;

    NotifyTestHooks(NotificationPlanner planner, NotificationSender sender) {
        this.planner = planner;
        this.sender = sender;
    }

    public void planAndSend() {
        planner.plan();
        sender.sendPending();
    }
}
