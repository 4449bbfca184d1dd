using Aankopen.Contracts.FinanceSystem.V1;

namespace Aankopen.FinanceSimulator;

/// <param name="Replays">How many later calls with the same idempotency key were answered with this booking.</param>
public sealed record Booking(string CommitmentId, string IdempotencyKey, CommitmentRequest Request, DateTimeOffset BookedAt, int Replays = 0);

/// <summary>A rejected call, kept so a demo or test can show that nothing reached the wrong finance system.</summary>
public sealed record Rejection(string IdempotencyKey, string Reason, CommitmentRequest Request, DateTimeOffset At);

/// <summary>
/// The bookings of one simulated finance system (one administration). Kept in memory: the simulator plays an
/// outside party for demos and tests, and starts empty each time.
/// </summary>
public sealed class Ledger(string system)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Booking> byKey = new(StringComparer.Ordinal);
    private readonly List<Booking> bookings = [];
    private readonly List<Rejection> rejections = [];

    public string System { get; } = system;

    public (Booking Booking, bool Replayed) Book(string idempotencyKey, CommitmentRequest request, DateTimeOffset now)
    {
        lock (gate)
        {
            if (byKey.TryGetValue(idempotencyKey, out var existing))
            {
                var replayed = existing with { Replays = existing.Replays + 1 };
                byKey[idempotencyKey] = replayed;
                bookings[bookings.IndexOf(existing)] = replayed;
                return (replayed, true);
            }
            var booking = new Booking($"{System}-{bookings.Count + 1:D6}", idempotencyKey, request, now);
            byKey.Add(idempotencyKey, booking);
            bookings.Add(booking);
            return (booking, false);
        }
    }

    public void Reject(string idempotencyKey, string reason, CommitmentRequest request, DateTimeOffset now)
    {
        lock (gate)
            rejections.Add(new Rejection(idempotencyKey, reason, request, now));
    }

    public IReadOnlyList<Booking> Bookings { get { lock (gate) return bookings.ToArray(); } }
    public IReadOnlyList<Rejection> Rejections { get { lock (gate) return rejections.ToArray(); } }
}

public sealed class Ledgers
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Ledger> ledgers = new(StringComparer.OrdinalIgnoreCase);

    public Ledger For(string system) => ledgers.GetOrAdd(system.ToUpperInvariant(), s => new Ledger(s));

    public IReadOnlyList<Ledger> All => ledgers.Values.OrderBy(l => l.System).ToArray();
}
