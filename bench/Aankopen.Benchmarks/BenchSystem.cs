using Aankopen.FinanceSimulator;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Aankopen.Benchmarks;

/// <summary>
/// The service laid out as deployed, on the PostgreSQL and RabbitMQ that bench.sh started, with a database of its
/// own: an API process that takes the commands, and, when asked for, a worker process that runs the daemon with the
/// relay, and a connector per administration. The finance simulator plays both finance systems inside the measuring
/// process.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private static readonly string[] Administrations =
    [
        "--Administrations:0:Code=GEMEENTE", "--Administrations:0:NameNl=Gemeente", "--Administrations:0:NameFr=Commune",
        "--Administrations:0:EnterpriseNumber=0207.000.176", "--Administrations:0:Kind=City",
        "--Administrations:1:Code=OCMW", "--Administrations:1:NameNl=OCMW", "--Administrations:1:NameFr=CPAS",
        "--Administrations:1:EnterpriseNumber=0212.000.131", "--Administrations:1:Kind=Ocmw",
    ];

    private const string Quiet = "--Logging:LogLevel:Default=Warning";
    private readonly List<IHost> hosts = [];
    private readonly List<IHost> connectors = [];
    private WebApplication? storeHost;

    public required string ConnectionString { get; init; }
    public required string RabbitPort { get; init; }
    public ServiceProcess Api { get; private set; } = null!;
    public ServiceProcess? Relay { get; private set; }
    public Ledgers Ledgers { get; private set; } = null!;
    private Uri SimulatorUrl { get; set; } = null!;

    /// <summary>The local development issuer, in this process: the APIs accept its tokens.</summary>
    private Uri Issuer { get; set; } = null!;

    private string[] Settings => ApiArguments(ConnectionString, RabbitPort, Issuer);

    /// <summary>Writes are not limited here: the benchmark is one user writing as fast as the service allows.</summary>
    public static string[] ApiArguments(string connectionString, string rabbitPort, Uri issuer) =>
        [$"--ConnectionStrings:Aankopen={connectionString}", $"--RabbitMq:Port={rabbitPort}", Quiet,
         $"--Authentication:Authority={issuer}", "--Limits:WritesPerMinutePerUser=0", .. Administrations];

    private const string RunDatabasePrefix = "aankopen_bench_";

    private string ServerConnectionString { get; init; } = "";

    public static async Task<BenchSystem> StartAsync(string serverConnectionString, string rabbitPort)
    {
        // The server keeps its data between runs (for the scale model): what an interrupted run left goes first.
        foreach (var left in await Databases.ListAsync(serverConnectionString, RunDatabasePrefix))
            await Databases.DropAsync(serverConnectionString, left);
        var database = $"{RunDatabasePrefix}{Guid.NewGuid():N}";
        await Databases.CreateAsync(serverConnectionString, database);
        var system = new BenchSystem
        {
            ConnectionString = Databases.On(serverConnectionString, database),
            ServerConnectionString = serverConnectionString,
            RabbitPort = rabbitPort,
        };
        var issuer = Aankopen.DevIssuer.Program.Build(["--urls=http://127.0.0.1:0", Quiet]);
        await system.StartAsync(issuer);
        system.Issuer = new(issuer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        var simulator = Aankopen.FinanceSimulator.Program.Build(["--urls=http://127.0.0.1:0", Quiet]);
        await system.StartAsync(simulator);
        system.Ledgers = simulator.Services.GetRequiredService<Ledgers>();
        system.SimulatorUrl = new(simulator.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        system.Api = await ServiceProcess.StartAsync(ServiceProcess.Api, system.Settings, system.Issuer);
        return system;
    }

    /// <summary>
    /// Off for the hosts inside this process (the store's and the connectors): their telemetry would also trace and time
    /// the load generator's own HTTP calls, which share the process, and did: with it, one read query's p99 measured
    /// about 200 ms instead of 22 ms while the API itself, telemetry on, was no slower. The API processes keep it on.
    /// </summary>
    private const string InProcessTelemetry = "--Telemetry:Enabled=false";

    /// <summary>The daemon with the relay, and the connectors, from here on: events recorded so far become a backlog.</summary>
    public async Task StartRelayAsync()
    {
        Relay = await ServiceProcess.StartAsync(ServiceProcess.Worker, Settings, Issuer);
        foreach (var code in new[] { "GEMEENTE", "OCMW" })
        {
            var connector = Aankopen.FinanceConnector.Program.Build(
                [$"--Connector:Administration={code}", $"--FinanceSystem:BaseUrl={SimulatorUrl}systems/{code}", $"--RabbitMq:Port={RabbitPort}", Quiet, InProcessTelemetry]);
            connectors.Add(connector);
            await StartAsync(connector);
        }
    }

    /// <summary>
    /// A second worker process beside the running one: it stands by, and takes over the daemon when the leader dies.
    /// The caller kills the leader with <see cref="KillLeaderAsync"/>.
    /// </summary>
    public Task<ServiceProcess> StartStandbyRelayAsync() => ServiceProcess.StartAsync(ServiceProcess.Worker, Settings, Issuer);

    /// <summary>SIGKILL to the leading relay; the standby is the relay from then on (and stopped with the system).</summary>
    public async Task KillLeaderAsync(ServiceProcess standby)
    {
        await Relay!.DisposeAsync();
        Relay = standby;
    }

    public async Task StopRelayAsync()
    {
        if (Relay is not null)
            await Relay.DisposeAsync();
        Relay = null;
        foreach (var connector in connectors)
        {
            await connector.StopAsync(TimeSpan.FromSeconds(10));
            hosts.Remove(connector);
            connector.Dispose();
        }
        connectors.Clear();
    }

    /// <summary>The event store as the API configures it, in this process, for generating data and rebuilding.</summary>
    public IDocumentStore Store()
    {
        storeHost ??= StoreHost(ConnectionString, RabbitPort, Issuer);
        return storeHost.Services.GetRequiredService<IDocumentStore>();
    }

    /// <summary>
    /// A host of the API that is never started, for its event store: it generates history and rebuilds the read models,
    /// paging through the events as the daemon does, so it plans as the daemon's process does, and as the service's
    /// maintenance commands it sets no limit on a statement.
    /// </summary>
    public static WebApplication StoreHost(string connectionString, string rabbitPort, Uri issuer) => Aankopen.Api.Program.Build([
        .. ApiArguments(connectionString, rabbitPort, issuer), InProcessTelemetry,
        $"--{Aankopen.Store.Infrastructure.StoreSettings.PlanEachExecutionSetting}=true",
        $"--{Aankopen.Store.Infrastructure.StoreSettings.CommandTimeoutSetting}=0"]);

    private async Task StartAsync(IHost host)
    {
        hosts.Add(host);
        await host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopRelayAsync();
        await Api.DisposeAsync();
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }
        if (storeHost is not null)
            await storeHost.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Databases.DropAsync(ServerConnectionString, Database);
    }

    /// <summary>The run's own database.</summary>
    public string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>The API or the worker on the run's database, with settings of its own added (more administrations).</summary>
    public Task<ServiceProcess> StartWithAsync(string project, IEnumerable<string> more) =>
        ServiceProcess.StartAsync(project, [.. Settings, .. more], Issuer);

    /// <summary>A connector as a process of its own, with the settings given.</summary>
    public Task<ServiceProcess> StartConnectorAsync(IEnumerable<string> settings) => ServiceProcess.StartAsync(ServiceProcess.Connector, settings, Issuer);

    /// <summary>An API process of its own on a database of the same server (the scale model, or the run's).</summary>
    public Task<ServiceProcess> StartApiOnAsync(string database) =>
        ServiceProcess.StartAsync(ServiceProcess.Api, ApiArguments(Databases.On(ServerConnectionString, database), RabbitPort, Issuer), Issuer);
}
