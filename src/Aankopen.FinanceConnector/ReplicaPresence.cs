using Aankopen.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Which connector replicas are running, as RabbitMQ knows it: each replica holds an exclusive queue named after its
/// number, which the broker deletes the moment the replica's connection goes (a crash, a kill, a lost node). No
/// lease or lock of our own: the broker's own bookkeeping of connections says who is there.
/// </summary>
public sealed class ReplicaPresence(RabbitMqSettings rabbit, ConnectorSettings settings, ILogger<ReplicaPresence> log) : IAsyncDisposable
{
    public const string QueuePrefix = "aankopen.finance-connector.";

    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    private IConnection? connection;
    private bool disposed;

    public static string QueueOf(int replica) => $"{QueuePrefix}{replica}";

    /// <summary>Says this replica is here; false when the broker cannot be reached now or another process already claims the number.</summary>
    public async Task<bool> AnnounceAsync(CancellationToken ct)
    {
        try
        {
            // Once gone (the connector stopping), never here again: a round still running must not announce it anew.
            if (disposed)
                return false;
            if (connection is { IsOpen: true })
                return true;
            if (connection is not null)
                await connection.DisposeAsync();
            // A machine that vanishes sends no close: the broker drops its connection (and presence queue) after two
            // missed heartbeats, about 20 s with these instead of two minutes with the default.
            connection = await BrokerConnections.OpenAsync(rabbit, ct, $"aankopen-finance-connector-{settings.Replica}", heartbeat: Heartbeat);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            await channel.QueueDeclareAsync(QueueOf(settings.Replica), durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 405)
        {
            log.LogError("Another connector already runs as replica {Replica} (Connector:Replica): give each replica its own number.", settings.Replica);
            return false;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException)
        {
            return false;
        }
    }

    /// <summary>The replicas present, this one included; null when the broker cannot say now.</summary>
    public async Task<IReadOnlySet<int>?> PresentAsync(CancellationToken ct)
    {
        if (connection is not { IsOpen: true })
            return null;
        var present = new HashSet<int> { settings.Replica };
        try
        {
            for (var replica = 0; replica < settings.Replicas; replica++)
            {
                if (replica == settings.Replica)
                    continue;
                // A passive declare of a missing queue closes its channel, so each gets its own.
                await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
                try
                {
                    await probe.QueueDeclarePassiveAsync(QueueOf(replica), ct);
                    present.Add(replica);
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 405)
                {
                    // 405: the queue is there, held exclusively by the other replica's connection.
                    if (e.ShutdownReason.ReplyCode == 405)
                        present.Add(replica);
                }
            }
            return present;
        }
        catch (Exception e) when (e is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        // Called twice (by QueueAssignments when it stops, then by the container): the second time there is nothing left.
        if (Interlocked.Exchange(ref connection, null) is { } open)
            await SharedBrokerConnection.DisposeQuietlyAsync(open);
    }
}
