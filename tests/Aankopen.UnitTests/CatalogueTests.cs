using System.Text.RegularExpressions;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>
/// Every sentence a person reads in a refusal comes from the catalogue (Texts/Sentences.resx and its French twin),
/// written in both languages with the same values, and every key the code names is there.
/// </summary>
public sealed partial class CatalogueTests
{
    private static readonly IReadOnlyDictionary<string, string> Dutch = Catalogue.Of(french: false), French = Catalogue.Of(french: true);

    /// <summary>Every C# file and Razor page under <c>src/</c>, by its path from the repository's root.</summary>
    private static readonly Lazy<IReadOnlyList<(string File, string Text)>> Sources = new(() =>
        Directory.EnumerateFiles(Path.Combine(ContractFiles.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(ContractFiles.Root, f), File.ReadAllText(f)))
            .ToArray());

    [Fact]
    public void Every_sentence_is_written_in_both_languages_with_the_same_values()
    {
        Dutch.Count.ShouldBeGreaterThan(150);
        BothLanguagesAgree(Dutch, French, "Sentences");
    }

    [Fact]
    public void Every_sentence_reads_with_its_values()
    {
        foreach (var (key, sentence) in Dutch)
        {
            var count = Placeholders(sentence).Select(p => p + 1).DefaultIfEmpty(0).Max();
            var values = Enumerable.Range(0, count).Select(i => (object?)$"value{i}").ToArray();
            foreach (var french in new[] { false, true })
            {
                var said = Catalogue.Say(key, values, french);
                said.ShouldNotContain("{", customMessage: key);
                for (var i = 0; i < count; i++)
                    said.ShouldContain($"alue{i}", customMessage: key);
            }
        }
    }

    [Fact]
    public void Every_key_the_code_names_is_in_the_catalogue_and_every_sentence_is_used()
    {
        var named = Sources.Value.SelectMany(s => KeyNamed().Matches(s.Text).Select(m => m.Groups["key"].Value))
            .Concat(Sources.Value.SelectMany(s => WhatNamed().Matches(s.Text).Select(m => "what/" + m.Groups["key"].Value)))
            // "procedure/" + a value: a prefix, checked below with every value.
            .Where(k => !k.EndsWith('/'))
            .ToHashSet(StringComparer.Ordinal);
        // Keys the code builds from a value: the law's procedures and subjects, the problem titles, the refusal pages.
        var built = Enum.GetNames<Procedure>().Select(p => "procedure/" + p)
            .Concat(Enum.GetNames<ContractSubject>().Select(s => "subject/" + s))
            .Concat(Dutch.Keys.Where(k => k.StartsWith("title/", StringComparison.Ordinal) || k.StartsWith("page-refused/", StringComparison.Ordinal)));

        named.Count.ShouldBeGreaterThan(150);
        named.Except(Dutch.Keys).ShouldBeEmpty("named in the code but not in the catalogue");
        Dutch.Keys.Except(named).Except(built).ShouldBeEmpty("in the catalogue but named nowhere");
        foreach (var procedure in Enum.GetNames<Procedure>())
            Dutch.ShouldContainKey("procedure/" + procedure);
    }

    [Fact]
    public void No_refusal_is_written_in_the_code()
    {
        var written = Sources.Value
            .SelectMany(s => RefusalCall().Matches(s.Text).Select(m => (s.File, Call: m.Value)))
            .Where(c => Sentence().IsMatch(c.Call))
            .Select(c => $"{c.File}: {c.Call[..Math.Min(c.Call.Length, 120)]}");
        written.ShouldBeEmpty();
    }

    [Fact]
    public void Values_are_written_as_the_reader_writes_them()
    {
        var nl = new Warning("validity/between", Spoken.Date(new DateOnly(2026, 1, 1)), Spoken.Date(new DateOnly(2027, 12, 31)));
        nl.Nl.ShouldBe("van 1 januari 2026 tot en met 31 december 2027");
        nl.Fr.ShouldBe("du 1er janvier 2026 au 31 décembre 2027");
        InputChecks.MissingText(new string('x', 60), "reference", 50, "reference")!.Nl.ShouldBe("Een referentie mag hoogstens 50 tekens lang zijn.");
        InputChecks.MissingText(" ", "reference", 50, "reference")!.Fr.ShouldBe("Veuillez indiquer une référence.");
        DomainError.Invalid("amount-invalid/share", "explicitShares", Spoken.Number(1234.567m), "OCMW").Fr.ShouldStartWith("La part 1\u202f234,567 de OCMW");
        DomainError.Invalid("too-long/search", "q").Code.ShouldBe("too-long");
    }

    [Fact]
    public void Every_label_of_the_pages_is_written_in_both_languages_with_the_same_values_and_is_used()
    {
        var dutch = Aankopen.Web.Language.LabelsOf(french: false);
        var french = Aankopen.Web.Language.LabelsOf(french: true);
        var named = LabelNamed().Matches(CodeUnder("Aankopen.Web")).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

        dutch.Count.ShouldBeGreaterThan(150);
        BothLanguagesAgree(dutch, french, "Labels");
        named.Except(dutch.Keys).ShouldBeEmpty("named by a page but not in Labels.resx");
        dutch.Keys.Except(named).ShouldBeEmpty("in Labels.resx but named by no page");
    }

    [Fact]
    public void A_label_named_without_values_has_no_place_for_one()
    {
        // A label with {0} said without a value fails only when its page is shown: a 500 for the person reading it.
        var dutch = Aankopen.Web.Language.LabelsOf(french: false);
        var bare = LabelWithoutValues().Matches(CodeUnder("Aankopen.Web")).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

        bare.ShouldNotBeEmpty();
        bare.Where(k => dutch.TryGetValue(k, out var text) && Placeholder().IsMatch(text)).ShouldBeEmpty("labels with a {0} named without a value");
    }

    [Fact]
    public void Every_word_of_the_reports_and_exports_is_written_in_both_languages_with_the_same_values_and_is_used()
    {
        var dutch = Aankopen.Reports.ReportTexts.Of(french: false);
        var french = Aankopen.Reports.ReportTexts.Of(french: true);
        var code = CodeUnder("Aankopen.Reports", Path.Combine("Aankopen.Api", "Tenders"));
        // A key is named whole ("samenvatting"), or as a prefix and a name it is joined with ("synergy-csv/" + "year"),
        // or as a participation status.
        bool Named(string key) => code.Contains($"\"{key}\"", StringComparison.Ordinal)
            || (key.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
                && (code.Contains($"\"{key[..(slash + 1)]}\"", StringComparison.Ordinal) || code.Contains($"$\"{key[..(slash + 1)]}{{", StringComparison.Ordinal))
                && (code.Contains($"\"{key[(slash + 1)..]}\"", StringComparison.Ordinal) || Enum.GetNames<Aankopen.Store.Tenders.ReadModels.ParticipationStatus>().Contains(key[(slash + 1)..])));

        dutch.Count.ShouldBeGreaterThan(60);
        BothLanguagesAgree(dutch, french, "Reports");
        dutch.Keys.Where(k => !Named(k)).ShouldBeEmpty("in Reports.resx but named nowhere");
        TextNamed().Matches(code).Select(m => m.Groups["key"].Value).Except(dutch.Keys).ShouldBeEmpty("named but not in Reports.resx");
        foreach (var status in Enum.GetNames<Aankopen.Store.Tenders.ReadModels.ParticipationStatus>())
            dutch.ShouldContainKey($"participation/{status}");
    }

    [Fact]
    public void Every_message_of_the_command_line_is_written_in_both_languages_with_the_same_values_and_is_used()
    {
        var dutch = Aankopen.Cli.Texts.Of(french: false);
        var french = Aankopen.Cli.Texts.Of(french: true);
        var named = SayNamed().Matches(CodeUnder("Aankopen.Cli")).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

        dutch.Count.ShouldBeGreaterThan(5);
        BothLanguagesAgree(dutch, french, "Messages");
        named.Order().ShouldBe(dutch.Keys.Order());
        new Aankopen.Cli.Texts(French: true).Refused(409).ShouldBe("L'API a refusé (HTTP 409) :");
    }

    /// <summary>
    /// A catalogue's two files hold the same keys, no empty sentence, and each sentence names the same values in both
    /// languages.
    /// </summary>
    private static void BothLanguagesAgree(IReadOnlyDictionary<string, string> dutch, IReadOnlyDictionary<string, string> french, string file)
    {
        dutch.Keys.Except(french.Keys).ShouldBeEmpty($"in {file}.resx but not in {file}.fr.resx");
        french.Keys.Except(dutch.Keys).ShouldBeEmpty($"in {file}.fr.resx but not in {file}.resx");
        dutch.Concat(french).Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key).ShouldBeEmpty();
        dutch.Keys.Where(k => !Placeholders(dutch[k]).SetEquals(Placeholders(french[k])))
            .Select(k => $"{k}: nl {string.Join(",", Placeholders(dutch[k]))}, fr {string.Join(",", Placeholders(french[k]))}")
            .ShouldBeEmpty();
    }

    /// <summary>The code of the given folders under <c>src/</c>, as one text.</summary>
    private static string CodeUnder(params string[] folders) =>
        string.Join("\n", Sources.Value
            .Where(s => folders.Any(f => s.File.StartsWith(Path.Combine("src", f) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Select(s => s.Text));

    private static HashSet<int> Placeholders(string sentence) =>
        Placeholder().Matches(sentence).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?::\w+)?\}")]
    private static partial Regex Placeholder();

    /// <summary>The first literal of a refusal, a warning, a phrase, a page's refusal, a title lookup or a problem.</summary>
    [GeneratedRegex(@"(?:DomainError\.(?:Invalid|Conflict|NotFound)|new Warning|Spoken\.Phrase|Refusal|Catalogue\.Say|Problems\.Single\([^,()]+,[^,()]+,)\(?\s*""(?<key>[\w/-]+)""")]
    private static partial Regex KeyNamed();

    /// <summary>A label's key: <c>Text("key"</c>, <c>TextIn(french, "key"</c>, or a key the audit pages pass on (<c>"audit-…"</c>).</summary>
    [GeneratedRegex(@"\b(?:Text\(|TextIn\(\w+,)\s*""(?<key>[\w-]+)""|""(?<key>audit-[\w-]+)""")]
    private static partial Regex LabelNamed();

    [GeneratedRegex(@"\bText\(\s*""(?<key>[\w-]+)""\s*\)")]
    private static partial Regex LabelWithoutValues();

    [GeneratedRegex(@"\b(?:Text|Lots)\(\s*""(?<key>[\w/-]+)""")]
    private static partial Regex TextNamed();

    [GeneratedRegex(@"\bSay\(\s*""(?<key>[\w-]+)""")]
    private static partial Regex SayNamed();

    [GeneratedRegex(@"MissingText\([^;]*?,\s*\d+,\s*""(?<key>[\w-]+)""")]
    private static partial Regex WhatNamed();

    [GeneratedRegex(@"(?:DomainError\.(?:Invalid|Conflict|NotFound)|new Warning|Spoken\.Phrase|Problems\.Single|InputChecks\.MissingText|\bRefusal)\([^;]*;")]
    private static partial Regex RefusalCall();

    /// <summary>A string with words in it, or an interpolated one: a sentence rather than a key.</summary>
    [GeneratedRegex(@"\$""|""[^""\n]*\p{L}\s+\p{L}[^""\n]*""")]
    private static partial Regex Sentence();
}
