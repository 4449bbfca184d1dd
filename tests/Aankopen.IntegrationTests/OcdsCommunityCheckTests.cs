using System.Text.Json.Nodes;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Every OCDS export checked by the Open Contracting community's own tools, as the open-data portal a municipality
/// publishes to would check it: lib-cove-ocds validates each package against the release schema patched with the
/// extensions it declares (the local one fetched from the API under test) and runs its additional checks; ocdskit
/// compiles each record again from its releases by the merge rules. The test command installs the tools
/// (tests/ocds-check); where they could not be installed, or can neither download the standard's schema and the lots
/// extension nor find a copy of them, these tests are skipped, saying so.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class OcdsCommunityCheckTests(RunningSystem system)
{
    private static readonly string Checker = Path.Combine(ExternalTool.Root, "tests", "ocds-check", "check.py");

    [Fact]
    public async Task A_framework_with_each_administrations_decisions_and_orders_and_a_lot_not_awarded_passes_the_community_checks()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"OK-{Guid.NewGuid():N}"[..20]);
        await tender.AwardFrameworkAsync(1, 100_000m);
        await tender.OrderAsync(1, "OCMW", 15_000m, "BB-OCMW-1");
        await tender.OrderAsync(1, "GEMEENTE", 1_234.56m, "BB-GEM-1");
        await tender.Step(a => a.DeclareLotNotAwardedAsync(tender.Id, 2, tender.ETag, MealVoucherTender.Cell, new ReasonRequest("Geen offertes")));

        await ShouldPassAsync(await ExportAsync(tender.Id, "record"), await ExportAsync(tender.Id, "releases"));
    }

    [Fact]
    public async Task A_cancelled_tender_and_one_with_a_removed_lot_pass_the_community_checks()
    {
        var removed = new MealVoucherTender(system.Api);
        await removed.OpenWithTwoLotsAsync($"OL-{Guid.NewGuid():N}"[..20]);
        await removed.Step(a => a.RemoveLotAsync(removed.Id, 2, removed.ETag, MealVoucherTender.Cell));
        var cancelled = new MealVoucherTender(system.Api);
        await cancelled.PublishedDemoAsync($"OM-{Guid.NewGuid():N}"[..20]);
        await cancelled.Step(a => a.CancelTenderAsync(cancelled.Id, cancelled.ETag, MealVoucherTender.Cell, new ReasonRequest("Budget ingetrokken")));

        await ShouldPassAsync(await ExportAsync(removed.Id, "record"), await ExportAsync(cancelled.Id, "record"), await ExportAsync(cancelled.Id, "releases"));
    }

    [Fact]
    public async Task A_suspended_decision_a_terminated_contract_and_a_tender_for_another_administration_pass_the_community_checks()
    {
        var suspended = new MealVoucherTender(system.Api);
        await suspended.PublishedDemoAsync($"OP-{Guid.NewGuid():N}"[..20]);
        var decided = await suspended.DecideAsync("OCMW", "Conditions");
        var number = decided.Decisions!.Single(d => d.Administration == "OCMW").Number;
        await suspended.Step(a => a.SuperviseDecisionAsync(suspended.Id, "OCMW", number, suspended.ETag, "ocmw@jette.example",
            new SuperviseDecisionRequest("Suspended", new DateOnly(2026, 11, 20), "Gouverneur/88")));

        var terminated = new MealVoucherTender(system.Api);
        await terminated.PublishedDemoAsync($"OQ-{Guid.NewGuid():N}"[..20]);
        await terminated.AwardAsync(1, 100_000.01m);
        await terminated.Step(a => a.TerminateLotAsync(terminated.Id, 1, terminated.ETag, MealVoucherTender.Cell, new TerminateLotRequest(new DateOnly(2027, 6, 30), "Wanprestatie")));

        var onBehalf = new MealVoucherTender(system.Api);
        await onBehalf.OnBehalfOfTheOcmwAsync($"OR-{Guid.NewGuid():N}"[..20], "Kantoorbenodigdheden", 20_000m, "0900/124-48");
        await onBehalf.CloseAndPublishAsync();
        await onBehalf.AwardFrameworkAsync(1, 20_000m);
        await onBehalf.OrderAsync(1, "OCMW", 1_500m, "BB-OR-1");

        await ShouldPassAsync(await ExportAsync(suspended.Id, "record"), await ExportAsync(terminated.Id, "record"), await ExportAsync(onBehalf.Id, "record"),
            await ExportAsync(onBehalf.Id, "releases"));
    }

    [Fact]
    public async Task The_community_checks_find_an_undeclared_field_and_a_compiled_release_the_merge_rules_would_not_give()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"ON-{Guid.NewGuid():N}"[..20]);
        await tender.AwardFrameworkAsync(1, 100_000m);
        var record = await ExportAsync(tender.Id, "record");

        // Without the local extension declared, the service's own fields (buyerShares, agreementKind...) are unknown.
        var undeclared = record.DeepClone();
        undeclared["extensions"] = new JsonArray(Aankopen.Reports.Ocds.OcdsReleases.LotsExtension);
        var (refused, findings) = await CheckAsync(undeclared);
        refused.ShouldBe(1, findings);
        findings.ShouldContain("additional_fields");
        findings.ShouldContain("buyerShares");

        // A compiled release that says something its releases do not.
        var miscompiled = record.DeepClone();
        miscompiled["records"]![0]!["compiledRelease"]!["tender"]!["status"] = "cancelled";
        var (code, said) = await CheckAsync(miscompiled);
        code.ShouldBe(1, said);
        said.ShouldContain("compiledRelease");
    }

    private async Task<JsonNode> ExportAsync(Guid tenderId, string package) =>
        JsonNode.Parse(await system.Api.GetStringAsync($"api/tenders/{tenderId}/ocds/{package}", Ct))!;

    private async Task ShouldPassAsync(params JsonNode[] packages)
    {
        foreach (var package in packages)
        {
            var (code, said) = await CheckAsync(package);
            code.ShouldBe(0, said);
        }
    }

    private async Task<(int Code, string Output)> CheckAsync(JsonNode package)
    {
        var tools = Environment.GetEnvironmentVariable("AANKOPEN_OCDS_TOOLS");
        if (string.IsNullOrEmpty(tools) || !Directory.Exists(Path.Combine(tools, "libcoveocds")))
            Assert.Skip("The OCDS community tools are not installed (the test command installs them into AANKOPEN_OCDS_TOOLS; see its output).");
        var cache = Environment.GetEnvironmentVariable("AANKOPEN_OCDS_CACHE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "aankopen", "ocds");
        var file = Path.Combine(Path.GetTempPath(), $"aankopen-ocds-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, package.ToJsonString(), Ct);
        try
        {
            // The packages name the configured public address; the API under test answers for it.
            var (code, said) = await ExternalTool.RunAsync("python3",
                [Checker, "--cache", cache, "--alias", $"{RunningSystem.PublicAddress}={system.Api.BaseAddress}", file],
                new Dictionary<string, string?> { ["PYTHONPATH"] = tools });
            // 3: the standard's schema or an extension could be neither downloaded nor found in the cache.
            if (code == 3)
                Assert.Skip($"The OCDS community tools could not get what they check against: {said}");
            return (code, said);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
