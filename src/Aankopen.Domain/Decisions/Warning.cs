namespace Aankopen.Domain;

/// <summary>Something a person should know before going on, a sentence of the <see cref="Catalogue"/>; unlike a refusal it stops nothing.</summary>
public sealed record Warning(string Key, IReadOnlyList<object?> Args)
{
    public Warning(string key, params object?[] args) : this(key, (IReadOnlyList<object?>)args) { }

    public string Code => Catalogue.CodeOf(Key);
    public string Nl => Catalogue.Say(Key, Args, french: false);
    public string Fr => Catalogue.Say(Key, Args, french: true);
}
