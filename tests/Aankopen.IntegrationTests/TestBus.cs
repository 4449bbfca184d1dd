using Aankopen.Messaging;
using MassTransit;

namespace Aankopen.IntegrationTests;

/// <summary>
/// A MassTransit bus of the test's own on the test broker, with the service's finance topology: it stands in for a
/// relay sending a message again, a connector of another release, or a listener on the reports' exchange. Stopped
/// when disposed.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private TestBus(ServiceProvider provider) => (this.provider, Bus) = (provider, provider.GetRequiredService<IBusControl>());

    public IBusControl Bus { get; }

    /// <param name="administrations">Whose finance queues the bus declares and binds, as the relay does for every known administration.</param>
    /// <param name="configure">Anything more, such as a receive endpoint.</param>
    public static async Task<TestBus> StartAsync(IEnumerable<(string Tenant, string Code)>? administrations = null, Action<IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        (string Tenant, string Code)[] listed = [.. administrations ?? []];
        var provider = new ServiceCollection()
            .AddMassTransit(bus => bus.UsingRabbitMq((_, cfg) =>
            {
                cfg.UseHost(new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) });
                cfg.ConfigureFinancePublishing(listed);
                configure?.Invoke(cfg);
            }))
            .BuildServiceProvider();
        // Declared first, as the worker does for every configured administration: a queue that two connectors of a
        // test would otherwise both create is consumed while RabbitMQ still starts it (see QueueAssignments).
        await using (var queues = new FinanceQueues(new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) }))
            foreach (var (tenant, code) in listed)
                await queues.DeclareAsync(tenant, code, TestContext.Current.CancellationToken);
        var started = new TestBus(provider);
        // A bus whose endpoint the broker refuses would wait for ever: a minute, then the test fails saying so.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(1));
        await started.Bus.StartAsync(patience.Token);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
    }
}
