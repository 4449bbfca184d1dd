namespace Aankopen.Domain.Tenders.AwardLot;

/// <summary>
/// The dates of an award and what they bound: the decision, the conclusion of the contract (the notification of the
/// award to the supplier) and, from that conclusion, the four years a framework agreement may run (law of 17 June 2016,
/// art. 43), renewals included; and the period awarded against the lot's terms, from which renewals are scaled.
/// </summary>
public static class AwardDates
{
    /// <summary>
    /// The decision and conclusion dates: as given, or else decided today (on the contract's start when it is recorded
    /// after that, never before the publication) and concluded on the contract's start (the four years then count from
    /// it, as they did before these dates were recorded; the real conclusion date, when given, counts instead). Only
    /// given dates can be wrong.
    /// </summary>
    public static (DateOnly Decided, DateOnly Concluded, DomainError? Error) Of(JointTender tender, AwardLotCommand command, DateTimeOffset now)
    {
        var today = BrusselsCalendar.DateOf(now);
        var byDefault = command.ContractStart < today ? command.ContractStart : today;
        var decided = command.DecidedOn ?? (tender.PublishedOn is { } published && published > byDefault ? published : byDefault);
        var concluded = command.ConcludedOn ?? (command.ContractStart > decided ? command.ContractStart : decided);
        if (command.DecidedOn is not null && (decided > today || (tender.PublishedOn is { } p && decided < p)))
            return (decided, concluded, DomainError.Invalid("decision-date-invalid/award", "decidedOn", Spoken.Date(tender.PublishedOn)));
        if (command.ConcludedOn is not null && (concluded < decided || concluded > command.ContractStart))
            return (decided, concluded, DomainError.Invalid("conclusion-date-invalid", "concludedOn"));
        return (decided, concluded, null);
    }

    public static DomainError? BeyondFourYears(Lot lot, AwardLotCommand command, DateOnly concluded) =>
        command.ContractEnd > ContractTerms.LatestEnd(concluded) && lot.Terms.LongerDurationJustification is null
            ? DomainError.Invalid("framework-too-long/award", "contractEnd", Spoken.Date(concluded), Spoken.Date(ContractTerms.LatestEnd(concluded)))
            : null;

    public static DomainError? PeriodReasonMissing(Lot lot, AwardLotCommand command) =>
        PeriodDiffers(lot, command) is { } months
            ? InputChecks.MissingText(command.PeriodDifferenceReason, "periodDifferenceReason", 1000, "period-difference-reason", Spoken.Number(decimal.Round(months, 2)), lot.Number, lot.Terms.InitialMonths)
            : null;

    /// <summary>The awarded period in months when it is not the lot's initial period; null when it is.</summary>
    public static decimal? PeriodDiffers(Lot lot, AwardLotCommand command) =>
        ContractPeriods.Months(command.ContractStart, command.ContractEnd) is var months && months != lot.Terms.InitialMonths ? months : null;
}
