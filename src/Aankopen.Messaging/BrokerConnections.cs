using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>Plain RabbitMQ connections (outside MassTransit's bus) for the operator's tools, queue declarations and presence.</summary>
public static class BrokerConnections
{
    /// <summary>
    /// A connection to the first node of the broker or cluster that takes it. With <paramref name="recover"/> the client
    /// reconnects it (to another node when its own went); without, a lost connection stays closed for its owner to replace.
    /// </summary>
    public static Task<IConnection> OpenAsync(RabbitMqSettings rabbit, CancellationToken ct, string? name = null, bool recover = true) =>
        new ConnectionFactory
        {
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            AutomaticRecoveryEnabled = recover,
            TopologyRecoveryEnabled = recover,
        }.CreateConnectionAsync([.. rabbit.Endpoints.Select(e => new AmqpTcpEndpoint(e.Host, e.Port))], name, ct);
}
