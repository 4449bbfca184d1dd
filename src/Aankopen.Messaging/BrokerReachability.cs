using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aankopen.Messaging;

/// <summary>
/// Says once, in one line, when RabbitMQ cannot be reached at start-up and which setting to check. The process
/// keeps running: the bus reconnects by itself once the broker is back.
/// </summary>
public sealed class BrokerReachability(RabbitMqSettings settings, ILogger<BrokerReachability> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        string? reason = null;
        // One node answering is enough: with a cluster, connections go to whichever is up.
        foreach (var (host, port) in settings.Endpoints)
            try
            {
                using var client = new TcpClient();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await client.ConnectAsync(host, port, timeout.Token);
                return;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                reason = e.Message;
            }
        log.LogWarning("RabbitMQ at {Broker} cannot be reached ({Reason}); check RabbitMq:Host and RabbitMq:Port (or RabbitMq:Nodes). Continuing: messages wait and are sent once it is back.",
            settings, reason);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
