using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Tenders;

namespace Aankopen.UnitTests;

/// <summary>The meal-voucher tender of the demo, as events, for decider tests.</summary>
public static class Samples
{
    public static readonly Guid TenderId = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset OpenedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AfterDeadline = Deadline.AddDays(10);
    public const string Cell = "cel.overheidsopdrachten@jette.example";

    /// <summary>One year, renewed tacitly three times: four years in all, the legal maximum.</summary>
    public static readonly ContractTerms YearlyForFourYears = new(new DateOnly(2027, 1, 1), 12, true, 12, 3, 90);

    public static AdministrationDirectory Administrations { get; } = AdministrationDirectory.Of(
    [
        new Administration("GEMEENTE", "Gemeente Jette", "Commune de Jette", "0207.000.176", AdministrationKind.City),
        new Administration("OCMW", "OCMW Jette", "CPAS de Jette", "0212.000.131", AdministrationKind.Ocmw),
        new Administration("POLITIE", "Politiezone West", "Zone de police Ouest", "0250.000.177", AdministrationKind.PoliceZone),
    ]);

    public static TenderOpened Opened(params string[] invited) => new(
        TenderId, "AC-2027-001", "Maaltijdcheques 2027", "Chèques-repas 2027", "30199770-8", ContractSubject.Supplies, "Open",
        invited[0], invited, Deadline, false, Cell, OpenedAt);

    public static TenderOpened Drafted(params string[] invited) => Opened(invited) with { IsDraft = true };

    public static LotAdded Lot(int number, decimal vatRate = 0m) => new(
        TenderId, number, $"Perceel {number}", "30199770-8", 100_000m, vatRate, YearlyForFourYears, Cell, OpenedAt.AddMinutes(number));

    public static OptedIn OptIn(int lot, string administration, decimal? amount, string budgetLine = "0100/123-48", decimal? quantity = null) => new(
        TenderId, lot, administration, amount, quantity, budgetLine, $"{administration.ToLowerInvariant()}@jette.example", OpenedAt.AddDays(1));

    /// <summary>Decision <paramref name="number"/> of the tender: the administration's council approved (by default) the conditions.</summary>
    public static DecisionRecorded Decided(int number, string administration, DecisionKind kind = DecisionKind.Conditions, int? lot = null, int? renewal = null) =>
        new(TenderId, number, administration, kind, lot, renewal,
            administration switch { "GEMEENTE" => DecidingBody.MunicipalCouncil, "OCMW" => DecidingBody.SocialWelfareCouncil, _ => DecidingBody.Other },
            administration is "GEMEENTE" or "OCMW" ? null : "Politieraad", new DateOnly(2026, 10, 20), $"{administration}/2026/{number}", Cell, OpenedAt.AddDays(2));

    /// <summary>Every administration named approved the conditions, numbered in that order.</summary>
    public static DecisionRecorded[] ConditionsApproved(params string[] administrations) =>
        [.. administrations.Select((a, i) => Decided(i + 1, a))];

    /// <summary>Each administration named approved the conditions and then awarded its share of the lot (decisions 1, 2, ...).</summary>
    public static DecisionRecorded[] Approved(int lot, params string[] administrations) =>
        [.. ConditionsApproved(administrations), .. administrations.Select((a, i) => Decided(administrations.Length + i + 1, a, DecisionKind.Award, lot))];

    /// <summary>The three sample administrations approved the conditions and awarded their shares of lot 1.</summary>
    public static readonly DecisionRecorded[] AllApproved = Approved(1, "GEMEENTE", "OCMW", "POLITIE");

    public static OptInClosed Closed(params int[] dropped) => new(TenderId, dropped, false, Cell, Deadline.AddHours(1));

    public static TenderPublished Published() => new(TenderId, "BDA-2026-123456", new DateOnly(2026, 12, 2), Cell, Deadline.AddDays(1));

    public static LotAwarded Awarded(int lot, params AwardShare[] shares) => new(
        TenderId, lot, "Cheques & Co NV", "0212.000.131", shares.Sum(s => s.AmountExclVat), 0m, shares.Sum(s => s.AmountInclVat),
        new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), shares, false, Cell, Deadline.AddDays(5));
}
