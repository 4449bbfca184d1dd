using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aankopen.Benchmarks;

/// <summary>The figures of one run, printed as they come and written to benchmarks.md and benchmarks.json.</summary>
public sealed class Report
{
    // A figure that could not be measured is NaN, written as "NaN" rather than losing the whole report.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly List<Figure> figures = [];

    public void Add(Figure f)
    {
        figures.Add(f);
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {f.Name,-70} {f.Value,12:N1} {f.Unit,-12} baseline {f.BaselineValue,10:N1} ratio {f.Ratio,6:N2}  target {f.Target} {(f.Met ? "met" : "MISSED")}");
    }

    public async Task WriteAsync(string directory, string command)
    {
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(figures.Select(f => new
        {
            name = f.Name,
            value = Math.Round(f.Value, 1),
            unit = f.Unit,
            baseline = f.Baseline,
            baselineValue = f.BaselineValue is { } b ? Math.Round(b, 1) : (double?)null,
            ratio = f.Ratio,
            target = f.Target,
            met = f.Met,
        }), Indented);
        await File.WriteAllTextAsync(Path.Combine(directory, "benchmarks.json"), json + "\n");

        var md = new StringBuilder();
        md.AppendLine("# Benchmark results").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured by `{command}` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Each figure stands next to its baseline, measured in the same run on the same servers; these machines are noisy, so read ratios rather than single values. What each figure means, and what was changed to reach the targets: [performance.md](performance.md).").AppendLine();
        md.AppendLine("| figure | value | baseline | baseline value | ratio | target | met |").AppendLine("| --- | ---: | --- | ---: | ---: | --- | --- |");
        foreach (var f in figures)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Value:N1} {f.Unit} | {f.Baseline} | {(f.BaselineValue is { } b ? b.ToString("N1", CultureInfo.InvariantCulture) : "")} | {f.Ratio?.ToString("N2", CultureInfo.InvariantCulture)} | {f.Target} | {(f.Met ? "yes" : "**no**")} |");
        await File.WriteAllTextAsync(Path.Combine(directory, "benchmarks.md"), md.ToString());
        Console.WriteLine($"Written to {directory}/benchmarks.md and {directory}/benchmarks.json");
    }
}
