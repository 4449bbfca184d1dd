namespace Aankopen.Domain.Tenders;

/// <summary>Whether a decision holds: in force, suspended by the supervising authority (until lifted), or annulled for good.</summary>
public enum DecisionStanding { InForce, Suspended, Annulled }

/// <summary>One administration's decision on the tender as it stands now.</summary>
/// <param name="SupervisedOn">The date of the supervising authority's latest act on it, if any.</param>
public sealed record TenderDecision(
    int Number,
    string Administration,
    DecisionKind Kind,
    int? LotNumber,
    int? Renewal,
    DecidingBody Body,
    string? BodyName,
    DateOnly DecidedOn,
    string Reference,
    DecisionStanding Standing,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateOnly? SupervisedOn = null)
{
    public bool IsAbout(string administration, DecisionKind kind, int? lotNumber = null, int? renewal = null) =>
        Administration == administration && Kind == kind && LotNumber == lotNumber && Renewal == renewal;
}

/// <summary>What an administration still has to decide, or a decision of it that is suspended or annulled.</summary>
public sealed record DecisionGap(string Administration, DecisionKind Kind, int? LotNumber, int? Renewal, DecisionStanding? Standing);
