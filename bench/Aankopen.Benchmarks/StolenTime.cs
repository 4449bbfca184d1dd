using System.Globalization;

namespace Aankopen.Benchmarks;

/// <summary>
/// How much of this machine's CPU time the virtual machine's host kept for others (steal, from /proc/stat). These
/// machines share their host: in one run a quarter to a third of the time was stolen, and single-row INSERTs fell from
/// about 10,000 to 2,500 a second. A run's figures compare with another's only when their stolen shares are alike.
/// </summary>
public readonly record struct StolenTime(long Stolen, long Total)
{
    public static StolenTime Now()
    {
        if (!File.Exists("/proc/stat"))
            return default;
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks since boot.
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        // guest and guest_nice are already counted in user and nice.
        return new(ticks.Length > 7 ? ticks[7] : 0, ticks.Take(8).Sum());
    }

    /// <summary>The stolen share, in percent, from <paramref name="start"/> until this reading.</summary>
    public double PercentSince(StolenTime start) =>
        Total > start.Total ? 100.0 * (Stolen - start.Stolen) / (Total - start.Total) : 0;
}
