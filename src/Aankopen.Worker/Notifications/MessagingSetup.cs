using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;
using Aankopen.Worker.Notifications.Deliveries;
using MassTransit;

namespace Aankopen.Worker.Notifications;

public static class MessagingSetup
{
    public static IServiceCollection AddFinanceMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        services.AddSingleton(settings);
        services.AddSingleton<FinanceQueues>();
        services.AddSingleton<FinanceMessagePublisher>();
        services.AddHostedService<FinanceQueueDeclaration>();
        services.AddHostedService<BrokerReachability>();
        services.AddMassTransit(bus =>
        {
            // In the worker's /health/ready as "rabbitmq": Degraded, not Unhealthy, while the broker is away, since the
            // API still takes decisions and the relay holds their messages until it is back.
            bus.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "rabbitmq";
                o.MinimalFailureStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded;
                o.Tags.Add(Observability.Probes.Ready);
            });
            // Up to a hundred messages at once (connectors' batches of reports, or single reports from connectors of
            // earlier releases), or what arrived within 50 ms: a lone report is stored without delay worth noticing,
            // and a draining backlog many at a time.
            bus.AddConsumer<DeliveryReportConsumer>(c => c.Options<BatchOptions>(StoredTogether));
            bus.AddConsumer<SingleDeliveryReportConsumer>(c => c.Options<BatchOptions>(StoredTogether));
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UseHost(settings);
                // The administrations' queues are declared by FinanceQueueDeclaration and the relay, not by the bus.
                cfg.ConfigureFinancePublishing([]);
                // One queue per deployment (its workers compete on it); another deployment on the same broker, such
                // as a second tenant or a test, names its own and still gets every report through the fanout exchange.
                cfg.ReceiveEndpoint(configuration["Notifications:DeliveryReportsQueue"] is { Length: > 0 } queue ? queue : DeliveryReport.ApiQueue, endpoint =>
                {
                    endpoint.BindDeliveryReports();
                    endpoint.PrefetchCount = DeliveryReportConsumer.BatchSize * 2;
                    // A report that cannot be stored now (database away) is tried again, then kept in the error queue.
                    endpoint.UseMessageRetry(r => r.Interval(10, TimeSpan.FromSeconds(2)));
                    endpoint.ConfigureConsumer<DeliveryReportConsumer>(context);
                    endpoint.ConfigureConsumer<SingleDeliveryReportConsumer>(context);
                });
            });
        });
        // The worker must start while RabbitMQ is down: the bus connects in the background and the relay holds
        // messages in the event store until it can publish them.
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);
        return services;
    }

    private static void StoredTogether(BatchOptions o) =>
        o.SetMessageLimit(DeliveryReportConsumer.BatchSize).SetTimeLimit(TimeSpan.FromMilliseconds(50)).SetConcurrencyLimit(1);
}
