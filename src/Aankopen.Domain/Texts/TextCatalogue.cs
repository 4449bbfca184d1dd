using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Aankopen.Domain;

/// <summary>
/// Sentences by key from a pair of resource files: <c>Name.resx</c> in Dutch (the neutral language) and
/// <c>Name.fr.resx</c> in French. A sentence is a composite format string: <c>{0}</c> is its first value, written the
/// Belgian way of the language (nl-BE, fr-BE), <c>{0:cap}</c> that value with a capital first letter, and a
/// <see cref="Spoken"/> value is written in the reader's language.
/// </summary>
public sealed class TextCatalogue(string baseName, Assembly assembly)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE"), French = CultureInfo.GetCultureInfo("fr-BE");
    private readonly ResourceManager sentences = new(baseName, assembly);

    public string Say(string key, IReadOnlyList<object?> values, bool french)
    {
        var culture = french ? French : Dutch;
        // A key that a test did not see (a procedure added to the law's list) still reads as its last part.
        if (sentences.GetString(key, culture) is not { } sentence)
            return key[(key.LastIndexOf('/') + 1)..];
        var written = values.Select(a => a is Spoken s ? s.In(french) : a).ToArray();
        return string.Format(new Writer(culture), sentence, written);
    }

    /// <summary>The sentences of one language as written in its own file, without falling back to another.</summary>
    public IReadOnlyDictionary<string, string> Of(bool french) =>
        (sentences.GetResourceSet(french ? French.Parent : CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"No sentences in {sentences.BaseName} for {(french ? "fr" : "nl")}"))
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
