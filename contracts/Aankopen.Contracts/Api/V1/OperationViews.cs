namespace Aankopen.Contracts.Api.V1;

/// <summary>A finance message in an administration's error queues: it failed its last retry and waits for an operator.</summary>
public sealed record FailedMessageView(string? MessageId, string? MessageType, string? Reason, DateTimeOffset? FailedAt, string Queue);

/// <summary>How many failed messages went back to the queues they came from, to be delivered again.</summary>
public sealed record ReplayView(string Tenant, string Administration, int Replayed);

public sealed record RebuildView(IReadOnlyList<string> Projections, int Tenders, int Participations, DateTimeOffset FinishedAt);

/// <param name="Status">ok, warning (works, but something needs attention) or problem (something does not work).</param>
public sealed record ConfigurationCheckView(string Status, IReadOnlyList<ConfigurationCheckItem> Checks);

/// <param name="Setting">The configuration key to look at when this check is not ok.</param>
public sealed record ConfigurationCheckItem(string Name, string Status, string Detail, string? Setting = null);

/// <summary>
/// A finance message the relay could not publish (the broker refused it while it answered), held for its
/// administration with every later message of the same tender or membership for it, until an operator re-sends them.
/// </summary>
public sealed record ParkedMessageView(
    Guid MessageId, string Administration, string MessageType, Guid StreamId, string BusinessKey, string Reason, DateTimeOffset ParkedAt, Guid? WaitsBehind);

public sealed record ResendView(string Tenant, string Administration, int Sent, int StillParked);
