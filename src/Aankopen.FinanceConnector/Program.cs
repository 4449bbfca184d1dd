using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;
using Aankopen.Observability;
using MassTransit;

namespace Aankopen.FinanceConnector;

public sealed class Program
{
    private Program() { }

    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() is ErrorQueue.List or ErrorQueue.Replay)
            return await RunErrorQueueCommandAsync(args[0], args[1..]);
        WebApplication host;
        try
        {
            host = Build(args);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"Aankopen finance connector cannot start: {e.Message}");
            return 2;
        }
        await host.RunAsync();
        return 0;
    }

    /// <summary>The operator's error-queue commands, for the administration named by <c>--Connector:Administration</c>.</summary>
    private static async Task<int> RunErrorQueueCommandAsync(string command, string[] args)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args).Build();
        var administration = configuration["Connector:Administration"]?.Trim() ?? "";
        var tenant = configuration["Connector:Tenant"]?.Trim() is { Length: > 0 } t ? t : "default";
        if (!FinanceRouting.IsValidAdministration(administration) || !FinanceRouting.IsValidTenant(tenant))
        {
            await Console.Error.WriteLineAsync($"Name the administration whose error queues to {(command == ErrorQueue.Replay ? "replay" : "list")}: --Connector:Administration=CODE (and --Connector:Tenant=TENANT outside the default tenant).");
            return 2;
        }
        var rabbit = configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        if (command == ErrorQueue.Replay)
        {
            var moved = await ErrorQueue.ReplayAsync(rabbit, tenant, administration, CancellationToken.None);
            Console.WriteLine($"{moved} message(s) moved from the error queues of {administration} back to the queues they came from.");
            return 0;
        }
        var errors = await ErrorQueue.ListAsync(rabbit, tenant, administration, CancellationToken.None);
        Console.WriteLine($"{errors.Count} message(s) in the error queues of {administration}:");
        foreach (var e in errors)
            Console.WriteLine($"  {e.FailedAt:u}  {e.Queue}  {e.MessageId}  {e.MessageType}  {e.Reason}");
        return 0;
    }

    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder.Configuration);
        var settings = ConnectorSettings.Read(builder.Configuration);
        var rabbit = builder.Configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        // Only probes and metrics are served. Several connectors often share a host, so without an address of its
        // own (urls / ASPNETCORE_URLS) each takes a free loopback port, logged at start-up.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAankopenTelemetry("aankopen-finance-connector");
        // Read once here so that a registry unusable at start stops the connector with its reasons; later edits are
        // read by QueueAssignments, which keeps the last good list.
        var destinations = new LiveDestinations(settings);
        destinations.Apply(DestinationRegistry.Read(settings));

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(destinations);
        builder.Services.AddHttpClient(FinanceProbe.Client);
        builder.Services.AddHostedService<FinanceProbe>();
        builder.Services.AddHealthChecks()
            .AddCheck<FinanceReachabilityHealth>("finance-system", tags: [Probes.Ready])
            .AddCheck<ReplicaPresence>("replica", tags: [Probes.Ready])
            .AddCheck<QueueConsumptionHealth>("queues", tags: [Probes.Ready]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(rabbit);
        builder.Services.AddHostedService<BrokerReachability>();
        builder.Services.AddSingleton<DeliveryReporter>();
        builder.Services.AddSingleton<Ordering.StreamOrder>();
        builder.Services.AddSingleton<ReplicaPresence>();
        builder.Services.AddSingleton<FinanceQueues>();

        builder.Services.AddMassTransit(bus =>
        {
            // In /health/ready as "rabbitmq", next to "finance-system".
            bus.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "rabbitmq";
                o.Tags.Add(Probes.Ready);
            });
            foreach (var consumer in FinanceConsumers.Types)
                bus.AddConsumer(consumer);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UseHost(rabbit);
                // Every delivery of every queue's endpoint, also of those connected later, in the order the broker sent them.
                cfg.ConnectReceiveObserver(context.GetRequiredService<Ordering.StreamOrder>());
                cfg.ConfigureFinancePublishing([]);
                // MassTransit gives an error queue its queue's arguments; RabbitMQ refuses basic.get (with which the
                // operator's tools read error queues) on a quorum queue with a single active consumer, and an error
                // queue has no consumer to single out anyway.
                cfg.SendTopology.ConfigureErrorSettings = error => error.SingleActiveConsumer = false;
            });
        });
        // After MassTransit's own service, so that the bus is there to connect the queues' endpoints to.
        builder.Services.AddSingleton<QueueAssignments>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueAssignments>());
        var app = builder.Build();
        app.MapAankopenProbes();
        app.MapAankopenMetrics();
        return app;
    }
}
