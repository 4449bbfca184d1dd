using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Aankopen.Benchmarks;

/// <summary>
/// The API or the worker as a process of its own, as deployed: its start-up time and resident memory are its own, not
/// the measuring process's, and its garbage collector and thread pool are not shared with the load generator.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, HttpClient http, TimeSpan ready) => (this.process, Http, Ready) = (process, http, ready);

    public HttpClient Http { get; }

    /// <summary>From starting the process until <c>/health</c> first answered.</summary>
    public TimeSpan Ready { get; }

    public const string Api = "Aankopen.Api", Worker = "Aankopen.Worker", Connector = "Aankopen.FinanceConnector";

    /// <summary>
    /// The API or the worker as published for its image (compiled ahead of time; <c>bench.sh</c> publishes them to
    /// <c>AANKOPEN_BENCH_API</c> and <c>AANKOPEN_BENCH_WORKER</c>), or else the build next to the benchmark.
    /// </summary>
    private static string DirectoryOf(string project) =>
        Environment.GetEnvironmentVariable(project switch { Worker => "AANKOPEN_BENCH_WORKER", Connector => "AANKOPEN_BENCH_CONNECTOR", _ => "AANKOPEN_BENCH_API" })
            is { Length: > 0 } published
            ? Path.GetFullPath(published)
            : AppContext.BaseDirectory;

    /// <param name="project"><see cref="Api"/>, <see cref="Worker"/> or <see cref="Connector"/>.</param>
    public static async Task<ServiceProcess> StartAsync(string project, IEnumerable<string> settings, Uri issuer)
    {
        var port = FreePort();
        var directory = DirectoryOf(project);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(directory, project + ".dll"));
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var setting in settings)
            info.ArgumentList.Add(setting);
        // Telemetry in the API processes apart from the measuring process (whose connectors read Telemetry__Enabled):
        // tells which side a cost of telemetry is on.
        if (Environment.GetEnvironmentVariable("AANKOPEN_BENCH_API_TELEMETRY") is { Length: > 0 } telemetry)
            info.ArgumentList.Add($"--Telemetry:Enabled={telemetry}");
        var started = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var http = BenchUser.Client(new Uri($"http://127.0.0.1:{port}/"), issuer);
        while (true)
        {
            try
            {
                // The connector has only the probes; the API and the worker also answer /health.
                if ((await http.GetAsync(project == Connector ? "health/ready" : "health")).StatusCode == HttpStatusCode.OK)
                    return new ServiceProcess(process, http, started.Elapsed);
            }
            catch (HttpRequestException) when (!process.HasExited && started.Elapsed < TimeSpan.FromSeconds(60))
            {
            }
            if (process.HasExited || started.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"{project} did not start: {string.Join(Environment.NewLine, errors)}");
            await Task.Delay(20);
        }
    }

    /// <summary>Resident set size (VmRSS) in MB, as the kernel counts it.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
