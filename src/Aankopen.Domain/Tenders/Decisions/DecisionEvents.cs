namespace Aankopen.Domain.Tenders;

// Each administration stays its own legal person: it decides through its own bodies to take part and approve the
// conditions, to award its share and to continue at each renewal, and the supervising authority may suspend or annul
// such a decision. These are facts of the tender's stream, recorded by the administration itself.

/// <summary>What a decision is about.</summary>
public enum DecisionKind
{
    /// <summary>Taking part in the joint tender and approving its conditions (the whole tender, not a lot).</summary>
    Conditions,
    /// <summary>Awarding one lot for the administration's share.</summary>
    Award,
    /// <summary>Continuing one lot's contract at one renewal.</summary>
    Renewal,
}

/// <summary>
/// The body that took the decision: the council or the college for a municipality, the council for social welfare or
/// its standing bureau for an OCMW, or a body named in full for any other administration.
/// </summary>
public enum DecidingBody { MunicipalCouncil, College, SocialWelfareCouncil, StandingBureau, Other }

/// <summary>What the supervising authority did to a decision.</summary>
public enum SupervisionAct { Suspended, SuspensionLifted, Annulled }

/// <summary>
/// An administration recorded one of its own decisions on the tender. <paramref name="Number"/> numbers the tender's
/// decisions from 1 so that a later suspension or annulment can name it; <paramref name="LotNumber"/> is null for
/// the conditions, <paramref name="Renewal"/> set only for a renewal.
/// </summary>
public sealed record DecisionRecorded(
    Guid TenderId,
    int Number,
    string Administration,
    DecisionKind Kind,
    int? LotNumber,
    int? Renewal,
    DecidingBody Body,
    string? BodyName,
    DateOnly DecidedOn,
    string Reference,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>The supervising authority suspended, lifted the suspension of, or annulled decision <paramref name="Number"/>.</summary>
public sealed record DecisionSupervised(
    Guid TenderId,
    int Number,
    string Administration,
    SupervisionAct Act,
    DateOnly On,
    string Reference,
    string RecordedBy,
    DateTimeOffset RecordedAt);
