namespace Aankopen.Contracts.Finance.V1;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MembershipChange>))]
public enum MembershipChange { Joined, ScopeChanged, Renewed, Ended }

/// <summary>
/// "Your administration's membership of a purchasing central changed": from <see cref="Start"/> to <see cref="End"/>
/// (open-ended when null) it may buy what <see cref="Categories"/> and <see cref="CpvDivisions"/> name through
/// <see cref="CentralCode"/>, on the strength of <see cref="DecisionReference"/>. Each message states the whole
/// membership after the change, so the latest one is all a finance system needs.
/// </summary>
public sealed record MembershipChanged : FinanceMessage
{
    public required Guid MembershipId { get; init; }
    public required MembershipChange Change { get; init; }
    public required string CentralCode { get; init; }
    public required string CentralNameNl { get; init; }
    public required string CentralNameFr { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<int> CpvDivisions { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public required string DecisionReference { get; init; }
    public required string ChangedBy { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }

    public override string BusinessKey => $"membership/{MessageId}";
}
