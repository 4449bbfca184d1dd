namespace Aankopen.Domain;

/// <summary>
/// A value in a sentence that a Dutch and a French reader write differently (a date, an amount, a procedure's name in
/// the law): the sentence keeps the value, and the <see cref="Catalogue"/> writes it in the reader's language.
/// </summary>
public abstract record Spoken
{
    public abstract string In(bool french);

    public static Spoken Date(DateOnly? date) => new Written(f => Wording.Date(date, f));
    /// <summary>The Brussels calendar day of a moment.</summary>
    public static Spoken Date(DateTimeOffset moment) => new Written(f => Wording.Date(moment, f));
    public static Spoken Moment(DateTimeOffset moment) => new Written(f => Wording.Moment(moment, f));
    /// <summary>A number with every decimal it was given, as a refusal must show what was wrong.</summary>
    public static Spoken Number(decimal number) => new Written(f => Wording.Number(number, f));
    public static Spoken Euro(decimal amount) => new Written(f => Wording.Euro(amount, f));
    public static Spoken Procedure(string procedure) => new Written(f => Wording.Procedure(procedure, f));
    public static Spoken Subject(ContractSubject subject) => new Written(f => Wording.Subject(subject, f));
    /// <summary>A name recorded in both languages (an administration's), as data rather than a sentence.</summary>
    public static Spoken Names(string nl, string fr) => new Written(f => f ? fr : nl);
    /// <summary>A part of a sentence that is a sentence of the catalogue itself, with values of its own.</summary>
    public static Spoken Phrase(string key, params object?[] args) => new Written(f => Catalogue.Say(key, args, f));

    private sealed record Written(Func<bool, string> Write) : Spoken
    {
        public override string In(bool french) => Write(french);
    }
}
