namespace Aankopen.Domain.Tenders;

/// <summary>
/// How a lot is awarded. A fixed contract is the commitment itself: each administration books its share at the award.
/// Under a framework agreement the award sets each administration's ceiling, and each order (bestelbon) it places with
/// the supplier is a commitment of its own.
/// </summary>
public enum AgreementKind { Fixed, Framework }

/// <summary>
/// An administration placed an order under a lot's framework agreement, in the contract's period
/// <paramref name="Renewal"/> (0 for the initial one), numbered in the tender's order of recording.
/// </summary>
public sealed record OrderRecorded(
    Guid TenderId,
    int LotNumber,
    int Number,
    string Administration,
    int Renewal,
    DateOnly OrderedOn,
    string Reference,
    decimal AmountExclVat,
    decimal AmountInclVat,
    string BudgetLine,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// The purchasing cell allowed an administration to order <paramref name="AmountExclVat"/> more than its share in the
/// contract's period <paramref name="Renewal"/>, for <paramref name="Reason"/>.
/// </summary>
public sealed record ShareCeilingRaised(
    Guid TenderId,
    int LotNumber,
    string Administration,
    int Renewal,
    decimal AmountExclVat,
    string Reason,
    string RaisedBy,
    DateTimeOffset RaisedAt);

/// <summary>One order as the lot keeps it.</summary>
public sealed record FrameworkOrder(
    int Number,
    string Administration,
    int Renewal,
    DateOnly OrderedOn,
    string Reference,
    decimal AmountExclVat,
    decimal AmountInclVat,
    string BudgetLine,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>One raise of an administration's ceiling, as the lot keeps it.</summary>
public sealed record CeilingRaise(string Administration, int Renewal, decimal AmountExclVat, string Reason, string RaisedBy, DateTimeOffset RaisedAt);
