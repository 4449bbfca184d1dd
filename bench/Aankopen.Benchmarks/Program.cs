using System.Globalization;
using System.Text;
using System.Text.Json;
using Aankopen.Benchmarks;

// Usage: Aankopen.Benchmarks [--quick] [--out DIR]
// Needs the PostgreSQL and RabbitMQ that bench.sh starts (ConnectionStrings__Aankopen, RabbitMq__Port).
var quick = args.Contains("--quick");
var outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "docs";
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Aankopen")
    ?? throw new InvalidOperationException("ConnectionStrings__Aankopen is not set; run ./bench.sh");
var rabbitPort = Environment.GetEnvironmentVariable("RabbitMq__Port") ?? throw new InvalidOperationException("RabbitMq__Port is not set; run ./bench.sh");
var window = TimeSpan.FromSeconds(quick ? 2 : 10);
var figures = new List<Figure>();
void Report(Figure f)
{
    figures.Add(f);
    Console.WriteLine($"{f.Name,-58} {f.Value,12:N1} {f.Unit,-10} baseline {f.BaselineValue,10:N1} ratio {f.Ratio,6:N2}  target {f.Target} {(f.Met ? "met" : "MISSED")}");
}

await using var system = await BenchSystem.StartAsync(connectionString, rabbitPort);
Report(new Figure("API ready after start", system.ApiStartup.TotalMilliseconds, "ms", "none", null, "< 3000 ms", system.ApiStartup.TotalMilliseconds < 3000, false));

// 1. Write throughput: opt-ins through HTTP next to raw INSERT commits and raw Marten appends, same clients.
foreach (var clients in new[] { 1, 8, 32 })
{
    var inserts = await Measurements.RawInsertsAsync(system.ConnectionString, clients, window);
    var marten = await Measurements.RawMartenAppendsAsync(system.ConnectionString, clients, window);
    var optIns = await Measurements.OptInsAsync(system.Api, clients, window);
    Report(new Figure($"opt-ins through HTTP, {clients} clients, vs raw INSERT", optIns, "per s", "single-row INSERT commits", inserts,
        clients == 8 ? ">= 25 % of INSERT" : "none", clients != 8 || optIns >= 0.25 * inserts));
    Report(new Figure($"opt-ins through HTTP, {clients} clients, vs raw Marten", optIns, "per s", "Marten default appends, no HTTP", marten,
        clients == 8 ? ">= 1.0 x Marten" : "none", clients != 8 || optIns >= marten));
}

// 3 (in part). The opt-ins above left a backlog of provisional reservations for the finance systems: measure how fast
// it drains, and let it drain before measuring latency (the finance path is ordered: awards would wait behind it).
var (drained, backlog) = await Measurements.DrainAsync(system);
Report(new Figure($"finance bookings per second from a backlog ({backlog} reservations)", drained, "per s", "none", null,
    ">= 1000 per s", drained >= 1000));

// 2. Award-to-finance latency at a steady rate, next to MassTransit publish-to-consume at the same rate.
var rate = quick ? 10 : 50;
var awardWindow = TimeSpan.FromSeconds(quick ? 2 : 6);
var awardLatency = await Measurements.AwardToFinanceAsync(system, rate, awardWindow);
var rawLatency = await Measurements.RawPublishToConsumeAsync(rabbitPort, rate, awardWindow);
foreach (var p in new[] { 50.0, 99.0 })
{
    var value = Percentiles.Of(awardLatency, p);
    Report(new Figure($"award-to-finance p{p:0} at {rate} awards/s ({awardLatency.Count} awards)", value, "ms",
        "MassTransit publish-to-consume", Percentiles.Of(rawLatency, p), p == 99 ? "< 300 ms" : "none", p != 99 || value < 300, false));
}

// 6. Footprint of the whole measuring process (API, relay, two connectors and the simulator in one process).
using var self = System.Diagnostics.Process.GetCurrentProcess();
self.Refresh();
Report(new Figure("resident memory after the run, all services in one process", self.WorkingSet64 / 1024.0 / 1024.0, "MB", "none", null,
    "none here (all services together, after load)", true, false));

Directory.CreateDirectory(outDir);
var json = JsonSerializer.Serialize(figures.Select(f => new
{
    name = f.Name, value = Math.Round(f.Value, 1), unit = f.Unit, baseline = f.Baseline, baselineValue = f.BaselineValue is { } b ? Math.Round(b, 1) : (double?)null,
    ratio = f.Ratio, target = f.Target, met = f.Met,
}), new JsonSerializerOptions { WriteIndented = true });
await File.WriteAllTextAsync(Path.Combine(outDir, "benchmarks.json"), json + "\n");

var md = new StringBuilder();
md.AppendLine("# Benchmarks").AppendLine();
md.AppendLine($"Measured by `./bench.sh{(quick ? " --quick" : "")}` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Each figure stands next to its baseline, measured in the same run on the same servers; these machines are noisy, so read ratios rather than single values.").AppendLine();
md.AppendLine("| figure | value | baseline | baseline value | ratio | target | met |").AppendLine("| --- | ---: | --- | ---: | ---: | --- | --- |");
foreach (var f in figures)
    md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Value:N1} {f.Unit} | {f.Baseline} | {(f.BaselineValue is { } b ? b.ToString("N1", CultureInfo.InvariantCulture) : "")} | {f.Ratio?.ToString("N2", CultureInfo.InvariantCulture)} | {f.Target} | {(f.Met ? "yes" : "**no**")} |");
await File.WriteAllTextAsync(Path.Combine(outDir, "benchmarks.md"), md.ToString());
Console.WriteLine($"Written to {outDir}/benchmarks.md and {outDir}/benchmarks.json");
return 0;
