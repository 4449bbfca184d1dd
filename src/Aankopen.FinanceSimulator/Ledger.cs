using Aankopen.Contracts.FinanceSystem.V1;

namespace Aankopen.FinanceSimulator;

/// <param name="Replays">How many later calls with the same idempotency key were answered with this entry.</param>
/// <param name="TraceParent">The W3C trace context the booking call came with, if any: shows which trace it belongs to.</param>
/// <param name="Superseded">
/// A reservation that arrived after the lot's award or release for this administration: kept, but it changes nothing,
/// as the finance contract asks (reservations travel on a queue of their own and may arrive late).
/// </param>
public sealed record Entry<TRequest>(string Id, string IdempotencyKey, TRequest Request, DateTimeOffset BookedAt, int Replays = 0, string? TraceParent = null,
    bool Superseded = false);

/// <summary>A rejected call, kept so a demo or test can show that nothing reached the wrong finance system.</summary>
public sealed record Rejection(string IdempotencyKey, string Reason, object Request, DateTimeOffset At);

/// <summary>One kind of booking (commitments, reservations or releases), idempotent by key.</summary>
public sealed class Journal<TRequest>(string prefix)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> indexByKey = new(StringComparer.Ordinal);
    private readonly List<Entry<TRequest>> entries = [];
    private long calls;

    /// <summary>Calls answered so far, replays included; read without copying the entries, so it can be watched often.</summary>
    public long Calls => Interlocked.Read(ref calls);

    public (Entry<TRequest> Entry, bool Replayed) Book(string idempotencyKey, TRequest request, DateTimeOffset now, string? traceParent = null, bool superseded = false)
    {
        lock (gate)
        {
            Interlocked.Increment(ref calls);
            if (indexByKey.TryGetValue(idempotencyKey, out var index))
            {
                entries[index] = entries[index] with { Replays = entries[index].Replays + 1 };
                return (entries[index], true);
            }
            var entry = new Entry<TRequest>($"{prefix}-{entries.Count + 1:D6}", idempotencyKey, request, now, TraceParent: traceParent, Superseded: superseded);
            indexByKey.Add(idempotencyKey, entries.Count);
            entries.Add(entry);
            return (entry, false);
        }
    }

    public IReadOnlyList<Entry<TRequest>> All { get { lock (gate) return entries.ToArray(); } }
}

/// <summary>
/// The books of one simulated finance system (one administration). Kept in memory: the simulator plays an outside
/// party for demos and tests, and starts empty each time.
/// </summary>
public sealed class Ledger(string system)
{
    private readonly Lock gate = new();
    private readonly List<Rejection> rejections = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Reference, int Lot), byte> settledLots = new();

    public string System { get; } = system;
    public Journal<CommitmentRequest> Commitments { get; } = new($"{system}-C");
    public Journal<ReservationRequest> Reservations { get; } = new($"{system}-R");
    public Journal<ReleaseRequest> Releases { get; } = new($"{system}-V");
    public Journal<MembershipRequest> Memberships { get; } = new($"{system}-M");
    public Journal<FrameworkRequest> Frameworks { get; } = new($"{system}-F");
    public FaultPlan Faults { get; } = new();

    /// <summary>
    /// The bearer token calls must carry, as a finance system behind authentication would ask; null (the default):
    /// none is asked. Set through the sandbox, so a test can check that the connector sends its administration's own.
    /// </summary>
    public string? RequiredToken { get; set; }

    /// <summary>
    /// Whether this reservation comes after the lot has been settled here: awarded (a commitment or a framework
    /// ceiling) or released. Only opt-in changes are meant; a renewal notice is booked as a reservation too, after the award.
    /// </summary>
    public bool Settled(ReservationRequest reservation) =>
        reservation.Change is "Registered" or "Changed" or "Withdrawn" && settledLots.ContainsKey((reservation.TenderReference, reservation.LotNumber));

    /// <summary>
    /// Remembers the lot of a booked award, framework ceiling or release, so that <see cref="Settled"/> is one look-up,
    /// not a scan of every journal (which made a draining backlog slower with every booking).
    /// </summary>
    public void Note(object booked)
    {
        var lot = booked switch
        {
            CommitmentRequest { Kind: CommitmentKind.Award } c => (c.TenderReference, c.LotNumber),
            FrameworkRequest f => (f.TenderReference, f.LotNumber),
            ReleaseRequest r => (r.TenderReference, r.LotNumber),
            _ => ((string, int)?)null,
        };
        if (lot is { } settled)
            settledLots.TryAdd(settled, 0);
    }

    public void Reject(string idempotencyKey, string reason, object request, DateTimeOffset now)
    {
        lock (gate)
            rejections.Add(new Rejection(idempotencyKey, reason, request, now));
    }

    public IReadOnlyList<Rejection> Rejections { get { lock (gate) return rejections.ToArray(); } }
}

public sealed class Ledgers
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Ledger> ledgers = new(StringComparer.OrdinalIgnoreCase);

    public Ledger For(string system) => ledgers.GetOrAdd(system.ToUpperInvariant(), s => new Ledger(s));

    public IReadOnlyList<Ledger> All => ledgers.Values.OrderBy(l => l.System).ToArray();
}
