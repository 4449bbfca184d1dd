namespace Aankopen.Domain;

/// <summary>
/// Every sentence a person reads in a refusal or a warning, by key, from <c>Texts/Sentences.resx</c> (Dutch) and
/// <c>Texts/Sentences.fr.resx</c> (French); the API's problem details and the pages read the same ones.
/// </summary>
public static class Catalogue
{
    private static readonly TextCatalogue Sentences = new("Aankopen.Domain.Texts.Sentences", typeof(Catalogue).Assembly);

    public static string CodeOf(string key) => key.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? key[..slash] : key;

    public static string Say(string key, IReadOnlyList<object?> args, bool french) => Sentences.Say(key, args, french);

    /// <summary>The sentences of one language as written in its own file, without falling back to another.</summary>
    public static IReadOnlyDictionary<string, string> Of(bool french) => Sentences.Of(french);
}
