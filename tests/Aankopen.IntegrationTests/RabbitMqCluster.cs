using System.Diagnostics;

namespace Aankopen.IntegrationTests;

/// <summary>
/// A three-node RabbitMQ cluster of the test's own (infra/local/rabbitmq-cluster.sh), beside the single broker the
/// other tests use: three nodes on their own loopback ports and names, quorum queues replicated on all three.
/// </summary>
public sealed class RabbitMqCluster : IAsyncLifetime
{
    private readonly string state = Directory.CreateTempSubdirectory("aankopen-cluster-").FullName;

    /// <summary>For <c>RabbitMq:Nodes</c>: the three nodes' host:port, node 1 first.</summary>
    public string Nodes { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await RunAsync("start");
        Nodes = (await File.ReadAllTextAsync(Path.Combine(state, "env"))).Trim().Split('=', 2)[1];
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop");
        Directory.Delete(state, recursive: true);
    }

    /// <summary>Kills node 1, 2 or 3 with SIGKILL, as a crash or a lost machine would end it.</summary>
    public Task KillAsync(int node) => RunAsync("kill-node", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StartAsync(int node) => RunAsync("start-node", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The node (1 to 3) that leads a quorum queue now.</summary>
    public async Task<int> LeaderOfAsync(string queue) => int.Parse(await RunAsync("leader", queue), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> RunAsync(params string[] arguments)
    {
        var script = Path.Combine(Path.GetDirectoryName(Environment.GetEnvironmentVariable("AANKOPEN_SERVERS_SCRIPT")
            ?? throw new InvalidOperationException("AANKOPEN_SERVERS_SCRIPT is not set: run the suite with ./test.sh."))!, "rabbitmq-cluster.sh");
        using var process = Process.Start(new ProcessStartInfo(script, [.. arguments, state]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmq-cluster.sh {string.Join(' ', arguments)} failed: {await errors}");
        return (await output).Trim();
    }
}
