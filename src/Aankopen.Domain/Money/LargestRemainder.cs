namespace Aankopen.Domain;

/// <summary>
/// Splits an amount in euro over weights so that the parts add up to the cent. Each part first gets its
/// proportional amount rounded down to the cent; the cents left over go one by one to the parts with the largest
/// dropped fraction (largest-remainder, Hamilton's method). Ties go to the earlier weight, so a split is
/// reproducible from the order in which participants are listed.
/// </summary>
public static class LargestRemainder
{
    public static IReadOnlyList<decimal> Split(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (decimal.Round(total, 2) != total)
            throw new ArgumentException("The amount must be in whole cents.", nameof(total));
        if (weights.Count == 0)
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        if (weights.Any(w => w < 0))
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));

        var weightSum = weights.Sum();
        if (weightSum == 0)
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));

        var totalCents = decimal.ToInt64(total * 100);
        var floors = new long[weights.Count];
        var fractions = new decimal[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = totalCents * (weights[i] / weightSum);
            floors[i] = decimal.ToInt64(decimal.Floor(exact));
            fractions[i] = exact - floors[i];
        }

        var leftOver = totalCents - floors.Sum();
        var byLargestFraction = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => fractions[i])
            .ThenBy(i => i)
            .Take((int)leftOver);
        foreach (var i in byLargestFraction)
            floors[i]++;

        return floors.Select(cents => Money.ToCents(cents / 100m)).ToArray();
    }
}
