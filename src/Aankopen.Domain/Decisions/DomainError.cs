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
/// Why a command was refused: a sentence of the <see cref="Catalogue"/> and the values it names. The sentence's key is
/// the refusal's code, or the code and a variant after a slash ("too-long/search") where one code is said in
/// several ways. <paramref name="Field"/> names the input at fault, when there is one.
/// </summary>
public sealed record DomainError(ErrorKind Kind, string Key, IReadOnlyList<object?> Args, string? Field = null)
{
    /// <summary>What a program reads: the key without its variant.</summary>
    public string Code => Catalogue.CodeOf(Key);

    /// <summary>Refusals said after this one in the same answer, under this one's code (several wrong shares).</summary>
    public IReadOnlyList<DomainError> More { get; init; } = [];

    public string Nl => In(french: false);
    public string Fr => In(french: true);

    public string In(bool french) =>
        string.Join(" ", [Catalogue.Say(Key, Args, french), .. More.Select(m => m.In(french))]);

    public static DomainError Invalid(string key, string field, params object?[] args) => new(ErrorKind.Invalid, key, args, field);
    public static DomainError Conflict(string key, params object?[] args) => new(ErrorKind.Conflict, key, args);
    public static DomainError NotFound(string key, params object?[] args) => new(ErrorKind.NotFound, key, args);

    /// <summary>The first refusal carrying the others' sentences: one field, one code, every reason.</summary>
    public static DomainError Together(IReadOnlyList<DomainError> errors) => errors[0] with { More = [.. errors.Skip(1)] };
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
