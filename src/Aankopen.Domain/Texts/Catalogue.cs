using System.Collections;
using System.Globalization;
using System.Resources;

namespace Aankopen.Domain;

/// <summary>
/// Every sentence a person reads in a refusal or a warning, by key, from the resource files beside this class:
/// <c>Sentences.resx</c> in Dutch (the neutral language) and <c>Sentences.fr.resx</c> in French. A sentence is a
/// composite format string: <c>{0}</c> is its first value, <c>{0:cap}</c> that value with a capital first letter.
/// </summary>
public static class Catalogue
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE"), French = CultureInfo.GetCultureInfo("fr-BE");
    private static readonly ResourceManager Sentences = new("Aankopen.Domain.Texts.Sentences", typeof(Catalogue).Assembly);

    public static string CodeOf(string key) => key.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? key[..slash] : key;

    public static string Say(string key, IReadOnlyList<object?> args, bool french)
    {
        var culture = french ? French : Dutch;
        // A key that a test did not see (a procedure added to the law's list) still reads as its last part.
        if (Sentences.GetString(key, culture) is not { } sentence)
            return key[(key.LastIndexOf('/') + 1)..];
        var values = args.Select(a => a is Spoken s ? s.In(french) : a).ToArray();
        return string.Format(new Writer(culture), sentence, values);
    }

    /// <summary>The sentences of one language as written in its own file, without falling back to another.</summary>
    public static IReadOnlyDictionary<string, string> Of(bool french) =>
        (Sentences.GetResourceSet(french ? French.Parent : CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"No sentences for {(french ? "fr" : "nl")}"))
        .Cast<DictionaryEntry>()
        .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private sealed class Writer(CultureInfo culture) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) => (format, arg) switch
        {
            ("cap", _) => Wording.Capitalised(Convert.ToString(arg, culture) ?? ""),
            (_, IFormattable value) => value.ToString(format, culture),
            _ => arg?.ToString() ?? "",
        };
    }
}
