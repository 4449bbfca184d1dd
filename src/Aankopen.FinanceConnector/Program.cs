using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;
using Aankopen.Observability;
using MassTransit;
using Refit;

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

    private static async Task<int> RunErrorQueueCommandAsync(string command, string[] args)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args).Build();
        var settings = ConnectorSettings.Read(configuration);
        var rabbit = configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        if (command == ErrorQueue.Replay)
        {
            var moved = await ErrorQueue.ReplayAsync(rabbit, settings.Tenant, settings.Administration, CancellationToken.None);
            Console.WriteLine($"{moved} message(s) moved from the error queues of {settings.Administration} back to the queues they came from.");
            return 0;
        }
        var errors = await ErrorQueue.ListAsync(rabbit, settings.Tenant, settings.Administration, CancellationToken.None);
        Console.WriteLine($"{errors.Count} message(s) in the error queues of {settings.Administration}:");
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
        var reachability = new FinanceReachability(settings);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(reachability);
        builder.Services.AddHttpClient(FinanceProbe.Client);
        builder.Services.AddHostedService<FinanceProbe>();
        builder.Services.AddHealthChecks().AddCheck<FinanceReachabilityHealth>("finance-system", tags: [Probes.Ready]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(rabbit);
        builder.Services.AddHostedService<BrokerReachability>();
        builder.Services.AddSingleton<DeliveryReporter>();
        // One settings instance for every client: without it each new client (one per message) gets serializer
        // options of its own, and System.Text.Json works out the contract types again for every message.
        builder.Services.AddRefitGeneratedClient<IFinanceSystemApi>(new RefitSettings())
            .ConfigureHttpClient(c => c.BaseAddress = settings.FinanceSystemBaseUrl)
            // The consumer logs each delivery with its business key; the factory's own four lines and scope per call
            // repeated it without the key, at a cost in every booking.
            .RemoveAllLoggers()
            // Retries POSTs too; that is safe because every call carries an Idempotency-Key. Jittered exponential
            // backoff, a timeout per attempt and for the whole call, and a circuit breaker that stops hammering a
            // finance system that is down (the message then waits for the breaker to close again, see OpenCircuit).
            .AddStandardResilienceHandler(o =>
            {
                o.AttemptTimeout.Timeout = settings.AttemptTimeout;
                o.Retry.Delay = settings.RetryDelay;
                o.Retry.UseJitter = true;
                o.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                o.TotalRequestTimeout.Timeout = settings.AttemptTimeout * 4 + settings.RetryDelay * 8;
                o.CircuitBreaker.MinimumThroughput = settings.BreakerMinimumThroughput;
                o.CircuitBreaker.BreakDuration = settings.Break;
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(settings.BreakerSampling.Ticks, settings.AttemptTimeout.Ticks * 2));
                o.CircuitBreaker.OnOpened = _ => Changed(FinanceReachability.Circuit.Open);
                o.CircuitBreaker.OnHalfOpened = _ => Changed(FinanceReachability.Circuit.HalfOpen);
                o.CircuitBreaker.OnClosed = _ => Changed(FinanceReachability.Circuit.Closed);
                ValueTask Changed(FinanceReachability.Circuit state)
                {
                    reachability.CircuitChanged(state);
                    return ValueTask.CompletedTask;
                }
            });

        builder.Services.AddMassTransit(bus =>
        {
            // In /health/ready as "rabbitmq", next to "finance-system".
            bus.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "rabbitmq";
                o.Tags.Add(Probes.Ready);
            });
            // One consumer for each message type of the contract: a type added there is consumed here too.
            var consumers = FinanceRouting.MessageTypes.Select(t => typeof(FinanceConsumer<>).MakeGenericType(t)).ToArray();
            foreach (var consumer in consumers)
                bus.AddConsumer(consumer);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UseHost(rabbit);
                cfg.ConfigureFinancePublishing([]);
                // One endpoint per shard queue, each taking one message at a time: a tender's messages all sit in
                // one queue, so they are booked in the order they were recorded, and a message being retried holds
                // back the ones behind it; the shards go alongside each other.
                for (var shard = 0; shard < FinanceRouting.Shards; shard++)
                {
                    var queue = shard;
                    cfg.ReceiveEndpoint(FinanceRouting.QueueFor(settings.Tenant, settings.Administration, queue), endpoint =>
                    {
                        endpoint.BindFinanceQueue(settings.Tenant, settings.Administration, queue);
                        endpoint.PrefetchCount = 4;
                        endpoint.ConcurrentMessageLimit = 1;
                        // After these, the message goes to the shard's _error queue with the reason in its headers. A
                        // message for another administration is never retried: no retry can make it right.
                        endpoint.UseMessageRetry(r =>
                        {
                            r.Ignore<WrongAdministrationException>();
                            r.Ignore<NotSupportedException>(); // a message type this connector has no call for
                            r.Exponential(settings.MaxRetries, settings.RetryMin, settings.RetryMax, settings.RetryMin);
                        });
                        // Named one by one: ConfigureConsumers leaves out a consumer already on another endpoint.
                        foreach (var consumer in consumers)
                            endpoint.ConfigureConsumer(context, consumer);
                    });
                }
            });
        });
        var app = builder.Build();
        app.MapAankopenProbes();
        app.MapAankopenMetrics();
        return app;
    }
}
