namespace Aankopen.FinanceConnector.Ordering;

/// <summary>
/// The deliveries of one broker channel, in the order the broker handed them over (their delivery tags, 1, 2, 3...),
/// so that several can be booked at once while each stream's (tender's or membership's) stay in that order. Several
/// threads take a channel's deliveries at once, and which of them reaches the consumer first is chance; what the
/// broker's order is, only the tags say. So every delivery is first <see cref="Register"/>ed in tag order, before
/// anything else is done with it; when its stream is known it <see cref="EnterAsync"/>s, waiting for every earlier
/// delivery to be known too, and for the earlier ones of its own stream to be <see cref="Finish"/>ed. The earliest
/// open delivery never waits, so the line always moves.
/// </summary>
public sealed class DeliveryLine
{
    /// <summary>Stands for "any stream": a delivery whose stream is not known waits for, and holds back, all the others.</summary>
    public static readonly Guid EveryStream = Guid.Empty;

    private sealed class Delivery
    {
        public Guid? Stream;
        public readonly TaskCompletionSource Known = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock gate = new();
    private readonly SortedDictionary<ulong, Delivery> open = [];
    private ulong registered;
    private TaskCompletionSource advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Takes delivery <paramref name="tag"/> into the line once the one before it is in (the broker numbers a channel's
    /// deliveries without gaps). When the predecessor does not come within <paramref name="patience"/>: in a line that has
    /// taken nothing yet (a consumer started again on a channel whose numbers go on) the delivery is taken in all the same
    /// and false returned; in a line under way the predecessor went back to the broker (MassTransit drops a delivery
    /// that arrives while its endpoint stops), and this one must follow it there rather than overtake it, so
    /// <see cref="TimeoutException"/> is thrown and the delivery is handed back.
    /// </summary>
    public async Task<bool> Register(ulong tag, TimeSpan patience, TimeProvider time, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (tag <= registered + 1 || time.GetElapsedTime(started) >= patience)
                {
                    var inTurn = tag <= registered + 1;
                    if (!inTurn && registered > 0)
                        throw new TimeoutException($"Delivery {tag - 1} did not come within {patience.TotalSeconds} s; delivery {tag} goes back to the broker behind it.");
                    open[tag] = new Delivery();
                    registered = Math.Max(registered, tag);
                    advanced.TrySetResult();
                    advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    return inTurn;
                }
                next = advanced.Task;
            }
            var left = patience - time.GetElapsedTime(started);
            try
            {
                await next.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, ct);
            }
            catch (TimeoutException)
            {
                // Checked again under the lock: taken in all the same.
            }
        }
    }

    /// <summary>
    /// Says which stream delivery <paramref name="tag"/> belongs to, and completes once it may be booked: every earlier
    /// delivery's stream is known, and those of the same stream are finished. Called again on a retry, it completes at once.
    /// </summary>
    public async Task EnterAsync(ulong tag, Guid stream, CancellationToken ct)
    {
        Delivery[] earlier;
        lock (gate)
        {
            if (!open.TryGetValue(tag, out var self))
                return;
            self.Stream = stream;
            self.Known.TrySetResult();
            earlier = [.. open.TakeWhile(d => d.Key < tag).Select(d => d.Value)];
        }
        foreach (var before in earlier)
        {
            await before.Known.Task.WaitAsync(ct);
            if (before.Stream is not { } theirs || theirs == stream || theirs == EveryStream || stream == EveryStream)
                await before.Done.Task.WaitAsync(ct);
        }
    }

    /// <summary>Delivery <paramref name="tag"/> is settled with the broker (acknowledged, or handed back): the ones behind it go on.</summary>
    public void Finish(ulong tag)
    {
        Delivery? done;
        lock (gate)
            open.Remove(tag, out done);
        done?.Known.TrySetResult();
        done?.Done.TrySetResult();
    }

    /// <summary>Deliveries taken in and not finished.</summary>
    public int Open { get { lock (gate) return open.Count; } }
}
