namespace Aankopen.Domain.Tenders;

/// <summary>
/// What an administration ordered under a framework agreement in the contract's current period, against its share of
/// that period and the raises the purchasing cell allowed.
/// </summary>
public sealed record Consumption(
    string Administration,
    int Renewal,
    decimal ShareExclVat,
    decimal RaisedExclVat,
    decimal OrderedExclVat,
    decimal OrderedInclVat,
    int Orders)
{
    public decimal CeilingExclVat => ShareExclVat + RaisedExclVat;

    public decimal RemainingExclVat => CeilingExclVat - OrderedExclVat;

    /// <summary>Ordered as a share of the ceiling, rounded down to a whole percent: 80 % is reached only at 80 %.</summary>
    public int Percent => CeilingExclVat <= 0 ? 0 : (int)decimal.Floor(OrderedExclVat * 100m / CeilingExclVat);

    /// <summary>True from <paramref name="warningPercent"/> of the ceiling on: time to plan what comes after it.</summary>
    public bool Warns(int warningPercent) => Percent >= warningPercent;

    /// <summary>
    /// Each administration's consumption of a framework lot's current period, in the order of its shares; none for a
    /// fixed contract or a lot that does not run.
    /// </summary>
    public static IReadOnlyList<Consumption> Of(Lot lot) =>
        lot is { IsFramework: true, Running: { } running }
            ? running.Shares.Select(share => Of(lot, running.Renewals, share)).ToArray()
            : [];

    public static Consumption? Of(Lot lot, string administration) => Of(lot).FirstOrDefault(c => c.Administration == administration);

    /// <summary>What the administration of <paramref name="share"/> ordered in period <paramref name="renewal"/>, against that share.</summary>
    public static Consumption Of(Lot lot, int renewal, AwardShare share)
    {
        var orders = lot.Orders.Where(o => o.Administration == share.Administration && o.Renewal == renewal).ToArray();
        return new Consumption(share.Administration, renewal, share.AmountExclVat,
            lot.Raises.Where(r => r.Administration == share.Administration && r.Renewal == renewal).Sum(r => r.AmountExclVat),
            orders.Sum(o => o.AmountExclVat), orders.Sum(o => o.AmountInclVat), orders.Length);
    }
}
