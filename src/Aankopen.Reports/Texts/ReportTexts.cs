using Aankopen.Domain;

namespace Aankopen.Reports;

/// <summary>
/// The words of the reports and exports (the yearly chapter, the CSV files' column titles and statuses), by key, from
/// <c>Texts/Reports.resx</c> (Dutch) and <c>Texts/Reports.fr.resx</c> (French).
/// </summary>
public static class ReportTexts
{
    private static readonly TextCatalogue Words = new("Aankopen.Reports.Texts.Reports", typeof(ReportTexts).Assembly);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Keys = new(() => Words.Of(false));

    public static string Say(string key, IReadOnlyList<object?> values, bool french) => Words.Say(key, values, french);

    /// <summary>A CSV file's column titles: the words under <paramref name="prefix"/> ("synergy-csv/") for each column's name.</summary>
    public static string[] Columns(string prefix, IEnumerable<string> names, bool french) =>
        [.. names.Select(name => Words.Say(prefix + name, [], french))];

    /// <summary>A participation's status (Participating, Awarded, …) as the exports and the pages name it; one these words do not know, as it came.</summary>
    public static string Participation(string status, bool french) =>
        Keys.Value.ContainsKey($"participation/{status}") ? Words.Say($"participation/{status}", [], french) : status;

    /// <summary>The words of one language as written in its own file, without falling back to another.</summary>
    public static IReadOnlyDictionary<string, string> Of(bool french) => Words.Of(french);
}
