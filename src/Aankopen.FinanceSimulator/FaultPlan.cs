namespace Aankopen.FinanceSimulator;

public enum FaultMode { None, Fail, Timeout, Slow, Refuse }

/// <param name="Mode">Fail answers 500 (the system is down), Refuse answers 422 (it turns this booking down, as
/// for a closed budget line: no retry of the same call helps), Timeout holds the call for <see cref="DelaySeconds"/> and then answers 504,
/// Slow holds it and then books normally.</param>
/// <param name="Calls">How many calls the fault applies to; null for every call until cleared.</param>
public sealed record FaultRequest(FaultMode Mode, int? Calls = null, double DelaySeconds = 0);

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

    public void Set(FaultRequest fault)
    {
        lock (gate)
        {
            current = fault;
            remaining = fault.Calls ?? int.MaxValue;
        }
    }

    /// <summary>The fault that applies to this call, counting it.</summary>
    public FaultRequest Next()
    {
        lock (gate)
        {
            if (current.Mode == FaultMode.None || remaining <= 0)
                return new FaultRequest(FaultMode.None);
            remaining--;
            var fault = current;
            if (remaining == 0)
                current = new FaultRequest(FaultMode.None);
            return fault;
        }
    }
}
