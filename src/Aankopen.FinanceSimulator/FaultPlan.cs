namespace Aankopen.FinanceSimulator;

public enum FaultMode { None, Fail, Timeout, Slow, Refuse }

/// <param name="Mode">Fail answers 500 (the system is down), Refuse answers 422 (it turns this booking down, as
/// for a closed budget line: no retry of the same call helps), Timeout holds the call for <see cref="DelaySeconds"/> and then answers 504,
/// Slow holds it and then books normally.</param>
/// <param name="Calls">How many calls the fault applies to; null for every call until cleared.</param>
/// <param name="TenderReference">Only calls about this tender meet the fault (a finance system that chokes on one file); null for all.</param>
public sealed record FaultRequest(FaultMode Mode, int? Calls = null, double DelaySeconds = 0, string? TenderReference = null);

/// <summary>
/// What a vendor (or a test) told this simulated finance system to do wrong, to see how the connector copes:
/// answer 500, refuse, time out, or be slow, for a number of calls or until cleared.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private FaultRequest current = new(FaultMode.None);
    private int remaining;

    public FaultRequest Current { get { lock (gate) return current; } }

    /// <summary>Calls the current fault still applies to: a test sees from it that a fault was met.</summary>
    public int Remaining { get { lock (gate) return current.Mode == FaultMode.None ? 0 : remaining; } }

    public void Set(FaultRequest fault)
    {
        lock (gate)
        {
            current = fault;
            remaining = fault.Calls ?? int.MaxValue;
        }
    }

    /// <summary>The fault that applies to this call (about <paramref name="tenderReference"/>, if any), counting it.</summary>
    public FaultRequest Next(string? tenderReference)
    {
        lock (gate)
        {
            if (current.Mode == FaultMode.None || remaining <= 0 || (current.TenderReference is { } only && only != tenderReference))
                return new FaultRequest(FaultMode.None);
            remaining--;
            var fault = current;
            if (remaining == 0)
                current = new FaultRequest(FaultMode.None);
            return fault;
        }
    }
}
