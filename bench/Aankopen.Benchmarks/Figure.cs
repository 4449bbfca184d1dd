namespace Aankopen.Benchmarks;

/// <summary>One measured figure next to its baseline from the same run, and the target it must reach.</summary>
/// <param name="HigherIsBetter">Throughputs; for latencies lower is better and the target is a ceiling.</param>
public sealed record Figure(
    string Name,
    double Value,
    string Unit,
    string Baseline,
    double? BaselineValue,
    string Target,
    bool Met,
    bool HigherIsBetter = true)
{
    public double? Ratio => BaselineValue is > 0 ? Math.Round(Value / BaselineValue.Value, 3) : null;
}

public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
