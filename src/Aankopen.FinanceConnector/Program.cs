using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;
using MassTransit;
using Refit;

namespace Aankopen.FinanceConnector;

public sealed class Program
{
    private Program() { }

    public static async Task<int> Main(string[] args)
    {
        IHost host;
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

    public static IHost Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        configure?.Invoke(builder.Configuration);
        var settings = ConnectorSettings.Read(builder.Configuration);
        var rabbit = builder.Configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(rabbit);
        builder.Services.AddHostedService<BrokerReachability>();
        builder.Services.AddRefitGeneratedClient<IFinanceSystemApi>()
            .ConfigureHttpClient(c => c.BaseAddress = settings.FinanceSystemBaseUrl)
            // Retries POSTs too; that is safe because every call carries an Idempotency-Key.
            .AddStandardResilienceHandler();

        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<LotAwardedShareConsumer>();
            bus.AddConsumer<LotRenewedShareConsumer>();
            bus.AddConsumer<ProvisionalReservationConsumer>();
            bus.AddConsumer<RenewalDueConsumer>();
            bus.AddConsumer<ReservationReleasedConsumer>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UseHost(rabbit);
                cfg.ConfigureFinancePublishing([]);
                cfg.ReceiveEndpoint(FinanceRouting.QueueFor(settings.Administration), endpoint =>
                {
                    endpoint.BindFinanceQueue(settings.Administration);
                    // One at a time: the messages of a tender are booked in the order they were recorded.
                    endpoint.PrefetchCount = 1;
                    endpoint.ConcurrentMessageLimit = 1;
                    // After these, the message goes to the _error queue with the reason in its headers. A message for
                    // another administration is never retried: no retry can make it right.
                    endpoint.UseMessageRetry(r =>
                    {
                        r.Ignore<WrongAdministrationException>();
                        r.Exponential(settings.MaxRetries, settings.RetryMin, settings.RetryMax, settings.RetryMin);
                    });
                    endpoint.ConfigureConsumers(context);
                });
            });
        });
        return builder.Build();
    }
}
