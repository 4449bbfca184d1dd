using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The worker (with its relay) as a process of its own, so that a test can kill it the hard way (SIGKILL) and start it
/// again on the same database.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;

    private WorkerProcess(Process process, HttpClient http) => (this.process, Http) = (process, http);

    public HttpClient Http { get; }

    public static async Task<WorkerProcess> StartAsync(string connectionString)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "Aankopen.Worker.dll"), $"--urls=http://127.0.0.1:{port}",
                     $"--ConnectionStrings:Aankopen={connectionString}", $"--RabbitMq:Port={TestServers.RabbitMqPort}",
                     "--Logging:LogLevel:Default=Warning", "--Notifications:DeliveryReportsQueue=aankopen.api.delivery-reports.killed-relay",
                     .. RunningSystem.ApiSettings()])
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        // Drain the output so a full pipe never blocks the process.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var http = TestIssuer.Client(new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("health")).StatusCode == HttpStatusCode.OK)
                    return new WorkerProcess(process, http);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The worker process did not start (exit code {(process.HasExited ? process.ExitCode : -1)}).");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no checkpoint written on the way out.</summary>
    public void Kill()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
