using Aankopen.FinanceSimulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Aankopen.Benchmarks;

/// <summary>
/// The service as deployed in one process for measuring: API with relay, one connector per administration and the
/// finance simulator, on the PostgreSQL and RabbitMQ that bench.sh started, with a database of its own.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private readonly List<IHost> hosts = [];

    public required string ConnectionString { get; init; }
    public required string RabbitPort { get; init; }
    public HttpClient Api { get; private set; } = null!;
    public Ledgers Ledgers { get; private set; } = null!;
    public TimeSpan ApiStartup { get; private set; }

    public static async Task<BenchSystem> StartAsync(string serverConnectionString, string rabbitPort)
    {
        var database = $"aankopen_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var system = new BenchSystem
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, MaxPoolSize = 100 }.ConnectionString,
            RabbitPort = rabbitPort,
        };
        await system.StartHostsAsync();
        return system;
    }

    private async Task StartHostsAsync()
    {
        var rabbit = $"--RabbitMq:Port={RabbitPort}";
        var quiet = "--Logging:LogLevel:Default=Warning";
        var simulator = Aankopen.FinanceSimulator.Program.Build(["--urls=http://127.0.0.1:0", quiet]);
        await StartAsync(simulator);
        Ledgers = simulator.Services.GetRequiredService<Ledgers>();
        var simulatorUrl = AddressOf(simulator);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var api = Aankopen.Api.Program.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Aankopen={ConnectionString}", rabbit, quiet,
            "--Administrations:0:Code=GEMEENTE", "--Administrations:0:NameNl=Gemeente", "--Administrations:0:NameFr=Commune",
            "--Administrations:0:EnterpriseNumber=0207.000.176", "--Administrations:0:Kind=City",
            "--Administrations:1:Code=OCMW", "--Administrations:1:NameNl=OCMW", "--Administrations:1:NameFr=CPAS",
            "--Administrations:1:EnterpriseNumber=0212.000.131", "--Administrations:1:Kind=Ocmw"]);
        await StartAsync(api);
        Api = new HttpClient { BaseAddress = AddressOf(api) };
        (await Api.GetAsync("health")).EnsureSuccessStatusCode();
        ApiStartup = started.Elapsed;

        foreach (var code in new[] { "GEMEENTE", "OCMW" })
            await StartAsync(Aankopen.FinanceConnector.Program.Build(
                [$"--Connector:Administration={code}", $"--FinanceSystem:BaseUrl={simulatorUrl}systems/{code}", rabbit, quiet]));
    }

    private async Task StartAsync(IHost host)
    {
        hosts.Add(host);
        await host.StartAsync();
    }

    private static Uri AddressOf(IHost host) =>
        new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }
    }
}
