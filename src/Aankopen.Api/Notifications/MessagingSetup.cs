using Aankopen.Api.Administrations;
using Aankopen.Messaging;
using MassTransit;

namespace Aankopen.Api.Notifications;

public static class MessagingSetup
{
    public static IServiceCollection AddFinanceMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        services.AddSingleton(settings);
        services.AddHostedService<BrokerReachability>();
        services.AddMassTransit(bus =>
        {
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UseHost(settings);
                cfg.ConfigureFinancePublishing(context.GetRequiredService<AdministrationDirectory>().All.Select(a => a.Code));
            });
        });
        // The API must start and take commands while RabbitMQ is down: the bus connects in the background and the
        // relay holds messages in the event store until it can publish them.
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);
        return services;
    }
}
