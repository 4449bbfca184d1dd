using Aankopen.Contracts.FinanceSystem.V1;
using Aankopen.FinanceSimulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The whole system on real servers, in this process: the API, the worker (with the relay), the web application, one
/// finance connector per administration, and the finance-system simulator, each on its own loopback port. The event store gets a database
/// of its own, so every run starts empty.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    public static readonly string[] Administrations = ["GEMEENTE", "OCMW"];

    /// <summary>A second municipality served by the same deployment: its own tenant, with administrations of its own.</summary>
    public const string OtherTenant = "molenbeek", OtherCity = "MB-STAD", OtherOcmw = "MB-OCMW";

    private readonly List<string> databases = [];
    private readonly List<IHost> hosts = [];

    public HttpClient Api { get; private set; } = null!;
    /// <summary>The API's services, for tests that operate on the event store the way an operator would.</summary>
    public IServiceProvider ApiServices { get; private set; } = null!;
    /// <summary>The worker (daemon, relay, schedulers, delivery reports), and its operator endpoints.</summary>
    public HttpClient Worker { get; private set; } = null!;
    public IServiceProvider WorkerServices { get; private set; } = null!;
    public HttpClient Simulator { get; private set; } = null!;
    /// <summary>The web application (the pages and the audit pages), a client of <see cref="Api"/>.</summary>
    public Uri Site { get; private set; } = null!;
    /// <summary>The web application's services: its sessions and key ring.</summary>
    public IServiceProvider WebServices { get; private set; } = null!;
    public string ConnectionString { get; private set; } = null!;
    public Ledgers Ledgers { get; private set; } = null!;

    /// <summary>The probes and metrics of each default-tenant administration's connector.</summary>
    public Dictionary<string, HttpClient> Connectors { get; } = [];

    /// <summary>What the API logged at warning level or above, for tests of what an operator gets to see.</summary>
    public CapturedWarnings Warnings { get; } = new();

    /// <summary>What the worker logged at warning level or above.</summary>
    public CapturedWarnings WorkerWarnings { get; } = new();

    /// <summary>What the web application logged at warning level or above (a logger of its own: scopes are per host).</summary>
    public CapturedWarnings WebWarnings { get; } = new();

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var rabbit = $"--RabbitMq:Port={TestServers.RabbitMqPort}";

        var simulator = Aankopen.FinanceSimulator.Program.Build(["--urls=http://127.0.0.1:0"]);
        await StartAsync(simulator);
        Ledgers = simulator.Services.GetRequiredService<Ledgers>();
        Simulator = new HttpClient { BaseAddress = AddressOf(simulator) };

        (ApiServices, Api) = await StartApiAsync(ConnectionString, services => services.AddSingleton<ILoggerProvider>(Warnings));
        (WorkerServices, Worker) = await StartWorkerAsync(ConnectionString, services => services.AddSingleton<ILoggerProvider>(WorkerWarnings),
            "--Tenders:DeadlineCheckSeconds=0.2", "--Telemetry:LagSampleSeconds=0.5",
            $"--Notifications:DeliveryReportsQueue={Aankopen.Contracts.Finance.V1.DeliveryReport.ApiQueue}");

        (WebServices, Site) = await StartWebAsync(ConnectionString, Api.BaseAddress!, services => services.AddSingleton<ILoggerProvider>(WebWarnings));

        foreach (var code in Administrations)
        {
            var connector = Aankopen.FinanceConnector.Program.Build([.. ConnectorSettings(code), rabbit]);
            await StartAsync(connector);
            Connectors[code] = new HttpClient { BaseAddress = AddressOf(connector) };
        }
        // The second municipality's city, with a connector of its own that serves that tenant only.
        await StartAsync(Aankopen.FinanceConnector.Program.Build([.. ConnectorSettings(OtherCity), $"--Connector:Tenant={OtherTenant}", rabbit]));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.PostgresConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        foreach (var database in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// A connection of a test's own to the event store, outside the pool: one left in the pool would be dead for the next
    /// test after a PostgreSQL restart. Opened.
    /// </summary>
    public async Task<NpgsqlConnection> OwnConnectionAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>Polls the simulator until <paramref name="condition"/> holds, or fails after the timeout.</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (condition(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met within {timeout ?? TimeSpan.FromSeconds(30)}; last value: {System.Text.Json.JsonSerializer.Serialize(value)}");
            await Task.Delay(100);
        }
    }

    /// <summary>How the simulator writes JSON: web defaults, enums by name.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions SimulatorJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<IReadOnlyList<Entry<CommitmentRequest>>> BookingsAsync(string system) =>
        (await Simulator.GetFromJsonAsync<List<Entry<CommitmentRequest>>>($"systems/{system}/commitments", SimulatorJson))!;

    /// <summary>Short retries, timeouts and breaks, so that fault tests see a connector give up or recover within seconds.</summary>
    internal IEnumerable<string> ConnectorSettings(string code) =>
        [$"--Connector:Administration={code}", $"--FinanceSystem:BaseUrl={Simulator.BaseAddress}systems/{code}", .. ConnectorTuning];

    /// <summary>The tuning of <see cref="ConnectorSettings"/> alone, for a connector that reads its administrations from a registry.</summary>
    internal static readonly string[] ConnectorTuning =
    [
        "--Connector:MaxRetries=3", "--Connector:RetryMinSeconds=0.2", "--Connector:RetryMaxSeconds=1",
        "--FinanceSystem:AttemptTimeoutSeconds=1", "--FinanceSystem:RetryDelaySeconds=0.1",
        // A breaker that opens after a few calls, so that the fault tests meet it too.
        "--FinanceSystem:BreakerMinimumThroughput=10", "--FinanceSystem:BreakSeconds=1", "--FinanceSystem:BreakerPatienceSeconds=30",
        // A short window: the bookings of the tests just before must not outnumber a fault test's failures in it.
        "--FinanceSystem:BreakerSamplingSeconds=4",
        "--FinanceSystem:ProbeSeconds=0.5",
    ];

    /// <summary>
    /// The hosts run from the test folder, whose appsettings.json is whichever project's was copied last: configure
    /// everything the API, the worker and the web application need here. The tests write fast as few users, so the write limit is far above them.
    /// </summary>
    /// <summary>The API's address as an open-data portal would reach it, for the OCDS packages.</summary>
    public const string PublicAddress = "https://open.aankopen.example/jette/";

    internal static IEnumerable<string> ApiSettings() =>
    [
        $"--Authentication:Authority={TestIssuer.Address}", "--Limits:WritesPerMinutePerUser=1000000", $"--Exports:PublicAddress={PublicAddress}",
        "--Administrations:0:Code=GEMEENTE", "--Administrations:0:NameNl=Gemeente Jette", "--Administrations:0:NameFr=Commune de Jette",
        "--Administrations:0:EnterpriseNumber=0207.000.176", "--Administrations:0:Kind=City",
        "--Administrations:1:Code=OCMW", "--Administrations:1:NameNl=OCMW Jette", "--Administrations:1:NameFr=CPAS de Jette",
        "--Administrations:1:EnterpriseNumber=0212.000.131", "--Administrations:1:Kind=Ocmw",
        $"--Tenants:0:Id={OtherTenant}",
        $"--Tenants:0:Administrations:0:Code={OtherCity}", "--Tenants:0:Administrations:0:NameNl=Gemeente Sint-Jans-Molenbeek",
        "--Tenants:0:Administrations:0:NameFr=Commune de Molenbeek-Saint-Jean", "--Tenants:0:Administrations:0:EnterpriseNumber=0207.000.176",
        "--Tenants:0:Administrations:0:Kind=City",
        $"--Tenants:0:Administrations:1:Code={OtherOcmw}", "--Tenants:0:Administrations:1:NameNl=OCMW Sint-Jans-Molenbeek",
        "--Tenants:0:Administrations:1:NameFr=CPAS de Molenbeek-Saint-Jean", "--Tenants:0:Administrations:1:EnterpriseNumber=0212.000.131",
        "--Tenants:0:Administrations:1:Kind=Ocmw",
        "--Telemetry:LagSampleSeconds=0.5",
        // A message the broker refuses is parked after a second or so, not the default eighteen.
        "--Notifications:PublishAttempts=3",
    ];

    /// <summary>An API on <paramref name="connectionString"/>'s database. It stops with the fixture.</summary>
    /// <param name="settings">Further settings, after (and so over) the usual ones.</param>
    public async Task<(IServiceProvider Services, HttpClient Http)> StartApiAsync(string connectionString, Action<IServiceCollection> overrides, params string[] settings)
    {
        var api = Aankopen.Api.Program.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Aankopen={connectionString}", .. ApiSettings(), .. settings], overrides);
        await StartAsync(api);
        return (api.Services, TestIssuer.Client(AddressOf(api)));
    }

    /// <summary>
    /// A worker (daemon, relay, schedulers) on <paramref name="connectionString"/>'s database, publishing to the same
    /// broker and reading delivery reports from a queue of its own unless told otherwise. It stops with the fixture.
    /// </summary>
    /// <param name="settings">Further settings, after (and so over) the usual ones.</param>
    public async Task<(IServiceProvider Services, HttpClient Http)> StartWorkerAsync(string connectionString, Action<IServiceCollection> overrides, params string[] settings)
    {
        var worker = Aankopen.Worker.Program.Build(
            ["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Aankopen={connectionString}", $"--RabbitMq:Port={TestServers.RabbitMqPort}",
             "--Tenders:RenewalCheckSeconds=3600", $"--Notifications:DeliveryReportsQueue=aankopen.api.delivery-reports.{Guid.NewGuid():N}",
             // The lag and parked-message gauges are one per process, written by whichever worker sampled last: only
             // the fixture's own worker samples often, so that the tests of those gauges read its figures.
             .. ApiSettings(), "--Telemetry:LagSampleSeconds=3600", .. settings], overrides);
        await StartAsync(worker);
        return (worker.Services, TestIssuer.Client(AddressOf(worker)));
    }

    /// <summary>A deployment of its own on <paramref name="connectionString"/>'s database: an API and a worker, both with <paramref name="overrides"/> (a clock, say).</summary>
    public async Task<(IServiceProvider Api, HttpClient Http, IServiceProvider Worker)> StartDeploymentAsync(string connectionString, Action<IServiceCollection> overrides, params string[] settings)
    {
        var (api, http) = await StartApiAsync(connectionString, overrides, settings);
        var (worker, _) = await StartWorkerAsync(connectionString, overrides, settings);
        return (api, http, worker);
    }

    /// <summary>A web application (the pages) that keeps its sessions in <paramref name="connectionString"/>'s database and asks the API at <paramref name="api"/>.</summary>
    /// <param name="settings">Further settings, after (and so over) the usual ones.</param>
    public async Task<(IServiceProvider Services, Uri Site)> StartWebAsync(string connectionString, Uri api, Action<IServiceCollection> overrides, params string[] settings)
    {
        var web = Aankopen.Web.Program.Build(
            ["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Aankopen={connectionString}", $"--{Aankopen.Web.PageApi.AddressSetting}={api}", .. ApiSettings(), .. settings],
            overrides);
        await StartAsync(web);
        return (web.Services, AddressOf(web));
    }

    /// <summary>A further empty database on the same server, dropped with the others at the end.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var database = $"aankopen_test_{Guid.NewGuid():N}";
        databases.Add(database);
        var server = new NpgsqlConnectionStringBuilder(TestServers.PostgresConnectionString);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        server.Database = database;
        return server.ConnectionString;
    }

    /// <summary>
    /// Keeps a host the test built itself until the fixture ends. MassTransit logs through a static context that
    /// holds the last bus's logger factory, so a host disposed mid-run breaks the next one built in this process.
    /// </summary>
    internal T DisposeAtEnd<T>(T host) where T : IHost
    {
        hosts.Add(host);
        return host;
    }

    private async Task StartAsync(IHost host)
    {
        hosts.Add(host);
        await host.StartAsync();
    }

    internal static Uri AddressOf(IHost host) =>
        new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
}

[CollectionDefinition(nameof(RunningSystem))]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>, ICollectionFixture<Browsers>;
