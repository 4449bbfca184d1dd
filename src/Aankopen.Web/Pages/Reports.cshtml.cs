using Aankopen.Contracts.Api.V1;
using Aankopen.Reports.Synergies;
using Microsoft.AspNetCore.Mvc;

namespace Aankopen.Web.Pages;

/// <summary>
/// The public-procurement chapter of the yearly synergy report, on the page and to download: as an HTML file, as a
/// Word document for pasting into the report, and as CSV for the finance department. One composition for all three.
/// </summary>
public sealed class ReportsModel(TimeProvider clock) : AankopenPageModel
{
    public int Year { get; private set; }

    /// <summary>Whether the measure form gets a new key instead of keeping the one it was sent with.</summary>
    public bool FreshMeasureKey { get; private set; }
    public string? Chapter { get; private set; }
    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct) => await ShowAsync(year, ct);

    /// <summary>The cell plans a measure for the coming years; the annex lists it until it is done or dropped.</summary>
    public async Task<IActionResult> OnPostMeasureAsync(int? year, string domainNl, string domainFr, string textNl, string textFr, CancellationToken ct)
    {
        Year = year ?? Aankopen.Domain.BrusselsCalendar.Today(clock).Year;
        // Left empty, the next budget year; typed but not a year, sent as such so the API says what is wrong at the field.
        var typed = Request.Form["plannedFrom"].ToString();
        var plannedFrom = typed.Length == 0 ? Year + 1 : int.TryParse(typed, out var from) ? from : 0;
        // The form's own key: sent twice (a double click, a reload), it plans the measure once.
        var response = await Api.PlanMeasureAsync("", new PlanMeasureRequest(domainNl ?? "", domainFr ?? "", textNl ?? "", textFr ?? "", plannedFrom),
            Request.Form["idempotencyKey"].ToString(), ct);
        // Sent before under this form's key with other text (an answer lost, then the form edited and sent again):
        // that measure was planned. Say so plainly, and give the form a new key, so that sending it again plans this one.
        if (ProblemCodeOf(response) == "idempotency-key-reused")
        {
            FreshMeasureKey = true;
            ModelState.AddModelError("measure", Text("formulier-al-verzonden"));
            return await ShowAsync(year, ct);
        }
        return await AfterWriteAsync("measure", response, Text("maatregel-gepland"), $"/reports?year={Year}#measures", () => ShowAsync(year, ct));
    }

    public async Task<IActionResult> OnPostCloseMeasureAsync(int? year, Guid id, string status, CancellationToken ct)
    {
        Year = year ?? Aankopen.Domain.BrusselsCalendar.Today(clock).Year;
        var response = await Api.CloseMeasureAsync(id, "", new CloseMeasureRequest(status ?? "", Year), ct);
        return await AfterWriteAsync($"close-{id}", response, Text("maatregel-afgesloten"), $"/reports?year={Year}#measures", () => ShowAsync(year, ct));
    }

    private async Task<IActionResult> ShowAsync(int? year, CancellationToken ct)
    {
        if (await ComposeAsync(year, ct) is { } blocks)
            Chapter = ChapterHtml.Fragment(blocks);
        Measures = (await Api.ListMeasuresAsync(ct)).Content ?? [];
        return Page();
    }

    public async Task<IActionResult> OnGetHtmlAsync(int? year, CancellationToken ct) =>
        await ComposeAsync(year, ct) is { } blocks
            ? File(System.Text.Encoding.UTF8.GetBytes(ChapterHtml.Document(blocks, Language.IsFrench)), "text/html; charset=utf-8", FileName("html"))
            : Page();

    public async Task<IActionResult> OnGetDocxAsync(int? year, CancellationToken ct) =>
        await ComposeAsync(year, ct) is { } blocks ? File(ChapterDocx.Write(blocks, Language.IsFrench), ChapterDocx.MimeType, FileName("docx")) : Page();

    public Task<IActionResult> OnGetCsvAsync(int? year, CancellationToken ct)
    {
        Year = year ?? Aankopen.Domain.BrusselsCalendar.Today(clock).Year;
        return DownloadAsync(Api.ExportSynergyCsvAsync(Year, Language.IsFrench ? "fr" : "nl", ct), FileName("csv"), ct);
    }

    private string FileName(string extension) => $"{Text("synergieen-overheidsopdrachten")}-{Year}.{extension}";

    private async Task<IReadOnlyList<Block>?> ComposeAsync(int? year, CancellationToken ct)
    {
        Year = year ?? Aankopen.Domain.BrusselsCalendar.Today(clock).Year;
        return Accepted(await Api.GetSynergyReportAsync(Year, ct)) is SynergyReportView report
            ? SynergyChapter.Compose(report, Language.IsFrench, DateOnly.FromDateTime(Language.ToBrussels(clock.GetUtcNow())))
            : null;
    }
}
