namespace Aankopen.Api.Notifications;

public static class NotificationSettings
{
    /// <summary>
    /// <c>Notifications:RelayEnabled</c> (default true): whether this process runs the async daemon that publishes
    /// finance messages. Exactly one process of a deployment may have it on.
    /// </summary>
    public static bool RelayEnabled(IConfiguration configuration) => configuration.GetValue("Notifications:RelayEnabled", true);
}
