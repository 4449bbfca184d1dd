using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>Plain RabbitMQ connections (outside MassTransit's bus) for the operator's tools, queue declarations and presence.</summary>
public static class BrokerConnections
{
    /// <summary>
    /// A connection to the first node of the broker or cluster that takes it. With <paramref name="recover"/> the client
    /// reconnects it (to another node when its own went); without, a lost connection stays closed for its owner to replace.
    /// A <paramref name="heartbeat"/> shorter than the default minute lets the broker notice sooner that the process is gone.
    /// </summary>
    public static Task<IConnection> OpenAsync(RabbitMqSettings rabbit, CancellationToken ct, string? name = null, bool recover = true, TimeSpan? heartbeat = null) =>
        new ConnectionFactory
        {
            RequestedHeartbeat = heartbeat ?? ConnectionFactory.DefaultHeartbeat,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            AutomaticRecoveryEnabled = recover,
            TopologyRecoveryEnabled = recover,
        }.CreateConnectionAsync([.. rabbit.Endpoints.Select(e => new AmqpTcpEndpoint(e.Host, e.Port))], name, ct);
}
