namespace Aankopen.Domain;

public enum ErrorKind
{
    /// <summary>The input itself is malformed or out of range (HTTP 422).</summary>
    Invalid,
    /// <summary>The input is fine but a rule of the current state refuses it (HTTP 409).</summary>
    Conflict,
    /// <summary>Something the command refers to does not exist (HTTP 404).</summary>
    NotFound,
}

/// <summary>
/// Why a command was refused, for a person to read: in Dutch and French, saying what is wrong and how to fix it.
/// <paramref name="Field"/> names the input at fault, when there is one.
/// </summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Nl, string Fr, string? Field = null)
{
    public static DomainError Invalid(string code, string field, string nl, string fr) => new(ErrorKind.Invalid, code, nl, fr, field);
    public static DomainError Conflict(string code, string nl, string fr) => new(ErrorKind.Conflict, code, nl, fr);
    public static DomainError NotFound(string code, string nl, string fr) => new(ErrorKind.NotFound, code, nl, fr);
}

/// <summary>What a decider returns: the events to record, or the errors that refuse the command.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, IReadOnlyList<DomainError> errors) => (Events, Errors) = (events, errors);

    public IReadOnlyList<object> Events { get; }
    public IReadOnlyList<DomainError> Errors { get; }
    public bool IsRefused => Errors.Count > 0;

    public static Decision Accept(params object[] events) => new(events, []);
    public static Decision Refuse(params DomainError[] errors) => new([], errors);
    public static Decision Refuse(IEnumerable<DomainError> errors) => new([], errors.ToArray());

    public static implicit operator Decision(DomainError error) => Refuse(error);
}
