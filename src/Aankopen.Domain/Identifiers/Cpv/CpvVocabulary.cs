namespace Aankopen.Domain;

/// <summary>
/// The CPV 2008 main vocabulary (Commission Regulation (EC) No 213/2008): its 9,454 codes with their check digits and
/// their Dutch and French labels, as the EU Publications Office publishes them (file <c>cpv-2008.tsv</c>, its source in
/// its first lines). A code is valid only when it is on this list, check digit included.
/// </summary>
public static class CpvVocabulary
{
    public sealed record Entry(string Code, string Nl, string Fr);

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> Entries = new(Load);

    public static int Count => Entries.Value.Count;

    public static Entry? Find(string code) => Entries.Value.GetValueOrDefault(code);

    /// <summary>The codes whose label (in either language) holds every word of <paramref name="words"/>, in code order.</summary>
    public static IEnumerable<Entry> Search(string words)
    {
        var wanted = words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Entries.Value.Values.Where(e => wanted.All(w => e.Nl.Contains(w, StringComparison.OrdinalIgnoreCase)
            || e.Fr.Contains(w, StringComparison.OrdinalIgnoreCase) || e.Code.StartsWith(w, StringComparison.Ordinal)));
    }

    private static IReadOnlyDictionary<string, Entry> Load()
    {
        using var stream = typeof(CpvVocabulary).Assembly.GetManifestResourceStream("cpv-2008.tsv")
            ?? throw new InvalidOperationException("The CPV 2008 list is missing from the build.");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var fields = line.Split('\t');
            entries[fields[0]] = new Entry(fields[0], fields[1], fields[2]);
        }
        return entries;
    }
}
