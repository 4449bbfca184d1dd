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
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(settings.Host, settings.Port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("RabbitMQ at {Broker} cannot be reached ({Reason}); check RabbitMq:Host and RabbitMq:Port. Continuing: messages wait and are sent once it is back.",
                settings, e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
