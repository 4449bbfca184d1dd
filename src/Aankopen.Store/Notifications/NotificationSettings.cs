namespace Aankopen.Store.Notifications;

public static class NotificationSettings
{
    /// <summary>
    /// <c>Notifications:RelayEnabled</c> (default true): whether this process runs the async daemon that publishes
    /// finance messages, and the schedulers. Two or more processes of a deployment have it on: one of them, elected,
    /// runs the daemon, and another takes over when it dies (DaemonMode.HotCold).
    /// </summary>
    public static bool RelayEnabled(IConfiguration configuration) => configuration.GetValue("Notifications:RelayEnabled", true);

    /// <summary>
    /// <c>Notifications:PublishAttempts</c> (default 8, about 18 seconds with the relay's back-off): how often the relay
    /// tries a message that the broker, while answering, refuses, before it parks it for its administration.
    /// </summary>
    public static int PublishAttempts(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Notifications:PublishAttempts", 8));
}
