using Aankopen.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Which connector replicas are running, as RabbitMQ knows it: each replica holds an exclusive queue named after its
/// group and number, which the broker deletes the moment the replica's connection goes (a crash, a kill, a lost node).
/// No lease or lock of our own: the broker's own bookkeeping of connections says who is there. A lone connector
/// (one replica) has nobody to tell and holds no queue; two lone connectors of one registry simply share its queues,
/// one consumer at a time each.
/// <para>
/// A second exclusive queue, <see cref="SettledQueueOf"/>, says a replica has been here long enough to stand in for
/// absent ones (<see cref="ConnectorSettings.ArrivalWait"/>). Only settled replicas stand in, so a replica that has
/// just started neither takes the administrations of colleagues still on their way, nor takes stand-in duties away
/// from the replicas holding them before it is ready to hold them itself.
/// </para>
/// </summary>
public sealed class ReplicaPresence(RabbitMqSettings rabbit, ConnectorSettings settings, TimeProvider clock, ILogger<ReplicaPresence> log) : IHealthCheck, IAsyncDisposable
{
    public const string QueuePrefix = "aankopen.finance-connector.";

    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After this replica lost its connection, how long a refusal of its number is taken for the broker still holding
    /// the old connection (it notices a dead one after two missed heartbeats) rather than for another connector.
    /// </summary>
    public static readonly TimeSpan OwnOldConnection = 3 * Heartbeat;

    private IConnection? connection;
    private volatile bool claimed;
    private volatile bool claimedElsewhere;
    private DateTimeOffset? lostAt;
    private bool disposed;
    private bool settled;

    /// <summary>Another connector holds this replica's number: this one serves its own administrations and stands in for nobody.</summary>
    public bool ClaimedElsewhere => claimedElsewhere;

    /// <summary>The presence queue of a group's replica: groups on one broker never see each other's replicas.</summary>
    public static string QueueOf(string group, int replica) => $"{QueuePrefix}{group}.{replica}";

    /// <summary>Held by a replica once it stands in for absent ones.</summary>
    public static string SettledQueueOf(string group, int replica) => $"{QueueOf(group, replica)}.settled";

    /// <summary>Who is here, and who of them stands in for the absent.</summary>
    public sealed record Roll(IReadOnlySet<int> Present, IReadOnlySet<int> Settled);

    /// <summary>Says this replica is here; false when the broker cannot be reached now or another process holds the number.</summary>
    public async Task<bool> AnnounceAsync(CancellationToken ct)
    {
        // Once gone (the connector stopping), never here again: a round still running must not announce it anew.
        if (disposed)
            return false;
        if (settings.Replicas == 1)
            return true;
        try
        {
            if (connection is { IsOpen: true } && claimed)
                return true;
            if (connection is not { IsOpen: true })
            {
                if (connection is not null)
                {
                    log.LogWarning("Replica {Replica} lost its connection to the broker ({Reason}); announcing it again", settings.Replica, connection.CloseReason?.ReplyText);
                    await SharedBrokerConnection.DisposeQuietlyAsync(connection);
                    if (claimed)
                        lostAt = clock.GetUtcNow();
                }
                (claimed, settled) = (false, false);
                // A machine that vanishes sends no close: the broker drops its connection (and presence queue) after two
                // missed heartbeats, about 20 s with these instead of two minutes with the default.
                connection = await BrokerConnections.OpenAsync(rabbit, ct, $"aankopen-finance-connector-{settings.Group}-{settings.Replica}", recover: false, heartbeat: Heartbeat);
            }
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            await channel.QueueDeclareAsync(QueueOf(settings.Group, settings.Replica), durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
            if (claimedElsewhere)
                log.LogInformation("Replica {Replica} of {Group} is now held by this connector", settings.Replica, settings.Group);
            (claimed, claimedElsewhere, lostAt) = (true, false, null);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 405)
        {
            // Most likely the broker still holds this replica's own lost connection: wait for it to notice.
            if (lostAt is { } lost && clock.GetUtcNow() - lost < OwnOldConnection)
                return false;
            // Tried again on every round: the number is this connector's as soon as the other lets go of it. Meanwhile
            // it consumes only its own administrations' queues, where single active consumer keeps order anyway.
            if (!claimedElsewhere)
                log.LogError("Another connector already runs as replica {Replica} of {Group} (Connector:Replica, Connector:Group): give each replica its own number.", settings.Replica, settings.Group);
            claimedElsewhere = true;
            return false;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException)
        {
            return false;
        }
    }

    /// <summary>Says this replica stands in for absent ones from now on; when the broker cannot be told now, the next round tries again.</summary>
    public async Task SettleAsync(CancellationToken ct)
    {
        // A lone connector holds no connection here, and stands in for nobody anyway.
        if (settled || connection is not { IsOpen: true } open || !claimed)
            return;
        try
        {
            await using var channel = await open.CreateChannelAsync(cancellationToken: ct);
            await channel.QueueDeclareAsync(SettledQueueOf(settings.Group, settings.Replica), durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
            settled = true;
        }
        catch (Exception e) when (e is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            // Not settled yet: the others go on seeing this replica as present only.
        }
    }

    /// <summary>The replicas present and those of them settled, this one included; null when the broker cannot say now.</summary>
    public async Task<Roll?> PresentAsync(CancellationToken ct)
    {
        if (settings.Replicas == 1)
            return new(new HashSet<int> { settings.Replica }, new HashSet<int> { settings.Replica });
        if (connection is not { IsOpen: true } open || !claimed)
            return null;
        var present = new HashSet<int> { settings.Replica };
        var settledOnes = settled ? new HashSet<int> { settings.Replica } : [];
        try
        {
            for (var replica = 0; replica < settings.Replicas; replica++)
            {
                if (replica == settings.Replica || !await HeldAsync(open, QueueOf(settings.Group, replica), ct))
                    continue;
                present.Add(replica);
                if (await HeldAsync(open, SettledQueueOf(settings.Group, replica), ct))
                    settledOnes.Add(replica);
            }
            return new(present, settledOnes);
        }
        catch (Exception e) when (e is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            return null;
        }
    }

    /// <summary>Whether another connection holds the exclusive queue.</summary>
    private static async Task<bool> HeldAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // A passive declare of a missing queue closes its channel, so each gets its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, ct);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 405)
        {
            // 405: the queue is there, held exclusively by the other replica's connection.
            return e.ShutdownReason.ReplyCode == 405;
        }
    }

    /// <summary>
    /// "replica" on <c>/health/ready</c>: Degraded while another connector holds this one's number. It still books for
    /// its own administrations, so it stays in service; but it cannot stand in for others until the numbering is fixed.
    /// </summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) => Task.FromResult(claimedElsewhere
        ? HealthCheckResult.Degraded($"Another connector runs as replica {settings.Replica} of group '{settings.Group}': give each replica its own Connector:Replica.")
        : HealthCheckResult.Healthy($"Replica {settings.Replica} of {settings.Replicas} in group '{settings.Group}'."));

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        // Called twice (by QueueAssignments when it stops, then by the container): the second time there is nothing left.
        if (Interlocked.Exchange(ref connection, null) is { } open)
            await SharedBrokerConnection.DisposeQuietlyAsync(open);
    }
}
