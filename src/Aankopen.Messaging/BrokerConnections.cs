using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>Plain RabbitMQ connections (outside MassTransit's bus) for the operator's tools, queue declarations and presence.</summary>
public static class BrokerConnections
{
    /// <summary>A connection to the first node of the broker or cluster that takes it; it recovers on another when its node goes.</summary>
    public static Task<IConnection> OpenAsync(RabbitMqSettings rabbit, CancellationToken ct, string? name = null) =>
        new ConnectionFactory
        {
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
        }.CreateConnectionAsync([.. rabbit.Endpoints.Select(e => new AmqpTcpEndpoint(e.Host, e.Port))], name, ct);
}
