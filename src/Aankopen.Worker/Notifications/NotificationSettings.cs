namespace Aankopen.Worker.Notifications;

public static class NotificationSettings
{
    /// <summary>
    /// <c>Notifications:PublishAttempts</c> (default 8, about 18 seconds with the relay's back-off): how often the relay
    /// tries a message that the broker, while answering, refuses, before it parks it for its administration.
    /// </summary>
    public static int PublishAttempts(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Notifications:PublishAttempts", 8));
}
