using System.Net.Http.Headers;
using Refit;

namespace Aankopen.FinanceConnector;

/// <summary>
/// One served administration's finance system as the connector calls it: an HTTP client of its own, with its own
/// retries and its own circuit breaker, so a finance system that fails or hangs opens only its own breaker and holds
/// back only its own administration's messages.
/// </summary>
public sealed class Destination : IDisposable
{
    // One for every client: without it each client gets serializer options of its own, and System.Text.Json works
    // out the contract types again for each.
    private static readonly RefitSettings Refit = new();

    private readonly HttpClient http;

    public Destination(FinanceDestination config, ConnectorSettings settings)
    {
        Config = config;
        Reachability = new FinanceReachability();
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        http = new HttpClient(FinancePipeline.Handler(settings, Reachability, handler), disposeHandler: true) { BaseAddress = config.FinanceSystem };
        if (config.Token is { } token)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Api = RestService.For<IFinanceSystemApi>(http, Refit);
    }

    public FinanceDestination Config { get; }

    public IFinanceSystemApi Api { get; }

    public FinanceReachability Reachability { get; }

    public void Dispose() => http.Dispose();
}
