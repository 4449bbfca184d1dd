using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders;

namespace Aankopen.Api.Tenders;

/// <summary>
/// From which part of its ceiling an administration's orders under a framework agreement show a warning
/// (<c>Orders:WarningPercent</c>, 80 unless set): a finance department then plans what comes after the contract.
/// </summary>
public sealed record OrderWarning(int Percent)
{
    public static OrderWarning Default { get; } = new(80);

    public static OrderWarning From(string? setting) =>
        setting is null ? Default
        : int.TryParse(setting, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent) && percent is >= 1 and <= 100
            ? new(percent)
            : throw new InvalidOperationException($"Orders:WarningPercent is '{setting}'; set a whole percentage from 1 to 100, or leave it out for 80.");

    public ConsumptionView ToView(Consumption c) => new(c.Administration, c.Renewal, c.ShareExclVat, c.RaisedExclVat, c.CeilingExclVat,
        c.OrderedExclVat, c.OrderedInclVat, c.RemainingExclVat, c.Orders, c.Percent, Percent, c.Warns(Percent));
}
