using System.Diagnostics;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Aankopen.Benchmarks;

/// <summary>
/// How finance queue layouts behave with many administrations on the local broker: the time to declare each layout's
/// quorum queues and bindings, the broker's resident memory with them in place, and publish-to-deliver latency on a
/// sample of administrations while every other administration's queues sit idle beside them. Measures the broker only
/// (no service process), so that the layout can be chosen before the connectors are built for it.
/// </summary>
internal static class TopologyMeasurements
{
    private const string Exchange = "aankopen.topology.bench";

    /// <param name="QueuesOf">The queues of administration i, each with the routing key that binds it.</param>
    internal sealed record Layout(string Name, string Description, Func<int, IReadOnlyList<(string Queue, string Key)>> QueuesOf, bool SingleActiveConsumer);

    /// <summary>
    /// One queue per administration, two (commitments apart from reservations), and today's sixteen shards; smallest
    /// first, since the broker keeps much of the memory of deleted queues and would inflate the next layout's figure.
    /// </summary>
    internal static readonly Layout[] Layouts =
    [
        new("2 per administration", "commitments (awards, renewals, releases, orders) apart from reservations, each consumed by one connector at a time",
            i => [($"topo.a{i}.commitments", $"a{i}.commitments"), ($"topo.a{i}.reservations", $"a{i}.reservations")], true),
        new("1 per administration", "every message of the administration in one queue, consumed by one connector at a time",
            i => [($"topo.a{i}", $"a{i}")], true),
        new("16 per administration", "today: a tender's messages in one of 16 shard queues of its administration",
            i => [.. Enumerable.Range(0, 16).Select(s => ($"topo.a{i}.{s:00}", $"a{i}.{s:00}"))], false),
    ];

    public static async Task<IReadOnlyList<string>> MeasureAsync(int rabbitPort, int administrations, int sample, int messages)
    {
        var factory = new ConnectionFactory { Port = rabbitPort, ClientProvidedName = "topology-bench" };
        await using var connection = await factory.CreateConnectionAsync();
        var lines = new List<string>
        {
            $"| layout | queues | declare (s) | broker memory with them (MB) | publish to deliver p50 / p99 (ms), {sample} administrations, {messages} messages | delete (s) |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        };
        foreach (var layout in Layouts)
        {
            var before = BrokerResidentMegabytes(rabbitPort);
            var queues = Enumerable.Range(0, administrations).SelectMany(layout.QueuesOf).ToArray();
            var declare = Stopwatch.StartNew();
            await InParallelAsync(connection, queues, async (channel, q) =>
            {
                var arguments = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
                if (layout.SingleActiveConsumer)
                    arguments["x-single-active-consumer"] = true;
                await channel.QueueDeclareAsync(q.Queue, durable: true, exclusive: false, autoDelete: false, arguments);
                await channel.QueueBindAsync(q.Queue, Exchange, q.Key);
            });
            declare.Stop();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var memory = BrokerResidentMegabytes(rabbitPort);
            var (p50, p99) = await LatencyAsync(connection, [.. Enumerable.Range(0, sample).Select(i => layout.QueuesOf(i * (administrations / sample))[0])], messages);
            var delete = Stopwatch.StartNew();
            await InParallelAsync(connection, queues, async (channel, q) => await channel.QueueDeleteAsync(q.Queue));
            delete.Stop();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {layout.Name} ({layout.Description}) | {queues.Length:N0} | {declare.Elapsed.TotalSeconds:F1} | {memory:N0} (from {before:N0}) | {p50:F1} / {p99:F1} | {delete.Elapsed.TotalSeconds:F1} |");
            Console.WriteLine(line);
            lines.Add(line);
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        return lines;
    }

    /// <summary>Eight channels side by side, as a publisher declaring at start would use.</summary>
    private static async Task InParallelAsync<T>(IConnection connection, IReadOnlyList<T> items, Func<IChannel, T, Task> act)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Direct, durable: true);
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
                await act(channel, items[i]);
        }));
    }

    /// <summary>Persistent messages with publisher confirms, a few hundred a second, spread over the sample's queues.</summary>
    private static async Task<(double P50, double P99)> LatencyAsync(IConnection connection, IReadOnlyList<(string Queue, string Key)> sample, int messages)
    {
        var latencies = new List<double>();
        var done = new TaskCompletionSource();
        await using var consuming = await connection.CreateChannelAsync();
        foreach (var (queue, _) in sample)
        {
            var consumer = new AsyncEventingBasicConsumer(consuming);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                var sent = long.Parse(Encoding.ASCII.GetString(delivery.Body.Span), CultureInfo.InvariantCulture);
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    if (latencies.Count == messages)
                        done.TrySetResult();
                }
                await consuming.BasicAckAsync(delivery.DeliveryTag, false);
            };
            await consuming.BasicConsumeAsync(queue, autoAck: false, consumer);
        }
        await using var publishing = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { Persistent = true };
        for (var i = 0; i < messages; i++)
        {
            var body = Encoding.ASCII.GetBytes(Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture));
            await publishing.BasicPublishAsync(Exchange, sample[i % sample.Count].Key, mandatory: true, properties, body);
            await Task.Delay(TimeSpan.FromMilliseconds(4));
        }
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        latencies.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
    }

    /// <summary>The resident memory of the broker's Erlang VM, found by the node name infra/local/servers.sh gives it in its environment.</summary>
    internal static double BrokerResidentMegabytes(int rabbitPort)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("beam.smp", StringComparison.Ordinal)
                    || !File.ReadAllText(Path.Combine(dir, "environ")).Contains($"RABBITMQ_NODENAME=aankopen-{rabbitPort}@", StringComparison.Ordinal))
                    continue;
                var rss = File.ReadLines(Path.Combine(dir, "status")).First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return double.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }
        return double.NaN;
    }
}
