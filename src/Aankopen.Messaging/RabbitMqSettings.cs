namespace Aankopen.Messaging;

/// <summary>Configuration section <c>RabbitMq</c>; environment variables use <c>RabbitMq__Host</c> and so on.</summary>
public sealed class RabbitMqSettings
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    public override string ToString() => $"amqp://{Host}:{Port}{(VirtualHost == "/" ? "/" : "/" + VirtualHost)}";
}
