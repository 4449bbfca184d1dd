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

    /// <summary>
    /// <c>RabbitMq:Nodes</c>: the nodes of a RabbitMQ cluster, <c>host:port</c> separated by commas (e.g.
    /// <c>rabbitmq-0:5672,rabbitmq-1:5672,rabbitmq-2:5672</c>). When set, <see cref="Host"/> and <see cref="Port"/> are
    /// not used: every connection tries the nodes in turn, and goes to another when its node goes down.
    /// </summary>
    public string? Nodes { get; set; }

    /// <summary>The nodes to connect to, in order: those of <see cref="Nodes"/>, else the one of Host and Port.</summary>
    public IReadOnlyList<(string Host, int Port)> Endpoints =>
        string.IsNullOrWhiteSpace(Nodes)
            ? [(Host, Port)]
            : [.. Nodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Node)];

    public override string ToString() =>
        $"amqp://{string.Join(',', Endpoints.Select(e => $"{e.Host}:{e.Port}"))}{(VirtualHost == "/" ? "/" : "/" + VirtualHost)}";

    private static (string Host, int Port) Node(string node)
    {
        var colon = node.LastIndexOf(':');
        return colon > 0 && int.TryParse(node.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (node[..colon], port)
            : colon < 0 ? (node, 5672) : throw new InvalidOperationException($"RabbitMq:Nodes has '{node}'; write each node as host:port, separated by commas.");
    }
}
