using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The OCDS 1.1 export of a real tender, checked for what the release schema requires and for the codelists'
/// values; links between lots, items, awards and contracts must resolve.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class OcdsExportTests(RunningSystem system)
{
    private static readonly string[] Tags = ["planning", "planningUpdate", "tender", "tenderAmendment", "tenderUpdate", "tenderCancellation",
        "award", "awardUpdate", "awardCancellation", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate",
        "contractTermination", "compiled"];
    private static readonly string[] Roles = ["buyer", "procuringEntity", "supplier", "tenderer", "funder", "enquirer", "payer", "payee", "reviewBody", "interestedParty"];
    private static readonly string[] TenderStatuses = ["planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn"];
    private static readonly string[] AwardStatuses = ["pending", "active", "cancelled", "unsuccessful"];
    private static readonly string[] ContractStatuses = ["pending", "active", "cancelled", "terminated"];

    [Fact]
    public async Task A_tenders_record_package_holds_valid_releases_and_a_compiled_release()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"OC-{Guid.NewGuid():N}"[..20]);
        await tender.AwardAsync(1, 100_000.01m);

        var package = JsonNode.Parse(await system.Api.GetStringAsync($"api/tenders/{tender.Id}/ocds/record", Ct))!;

        package["version"]!.GetValue<string>().ShouldBe("1.1");
        package["publisher"]!["name"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        DateTimeOffset.Parse(package["publishedDate"]!.GetValue<string>());
        var record = package["records"]!.AsArray().ShouldHaveSingleItem()!;
        var ocid = record["ocid"]!.GetValue<string>();
        ocid.ShouldMatch($"^ocds-[a-z0-9]{{6}}-{tender.Id}$");
        var releases = record["releases"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        releases.Length.ShouldBe((await system.Api.GetFromJsonAsync<object[]>($"api/tenders/{tender.Id}/history", Ct))!.Length);
        releases.Select(r => r["id"]!.GetValue<string>()).ShouldBeUnique();
        foreach (var release in releases.Append(record["compiledRelease"]!.AsObject()))
            ShouldBeAValidRelease(release, ocid);
        record["compiledRelease"]!["tag"]!.AsArray().Single()!.GetValue<string>().ShouldBe("compiled");
        // Compiled by the merge rules from the releases, as any OCDS tool would compile them.
        record["compiledRelease"]!.ToJsonString().ShouldBe(Aankopen.Reports.Ocds.OcdsMerge.Compile(ocid, releases).ToJsonString());

        // Every extension the package uses is declared, and the local one is served to anyone who checks the package.
        var extensions = package["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
        extensions.ShouldContain(Aankopen.Reports.Ocds.OcdsReleases.LotsExtension);
        var local = new Uri(extensions.Single(e => e != Aankopen.Reports.Ocds.OcdsReleases.LotsExtension));
        // At the configured public address, whatever Host the request named.
        local.ToString().ShouldBe(RunningSystem.PublicAddress + "ocds/extension.json");
        package["uri"]!.GetValue<string>().ShouldBe($"{RunningSystem.PublicAddress}api/tenders/{tender.Id}/ocds/record");
        foreach (var file in new[] { "/ocds/extension.json", "/ocds/release-schema.json" })
        {
            var served = await system.Api.SendAsync(Write(HttpMethod.Get, file.TrimStart('/'), null, null, actor: Aankopen.Client.DevIssuerTokens.Anonymous), Ct);
            served.StatusCode.ShouldBe(HttpStatusCode.OK, file);
            JsonNode.Parse(await served.Content.ReadAsStringAsync(Ct)).ShouldNotBeNull();
        }
        (await system.Api.SendAsync(Write(HttpMethod.Get, "ocds/appsettings.json", null, null, actor: Aankopen.Client.DevIssuerTokens.Anonymous), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        releases[^1]["tag"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("award");
    }

    private static void ShouldBeAValidRelease(JsonObject release, string ocid)
    {
        release["ocid"]!.GetValue<string>().ShouldBe(ocid);
        release["id"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        Regex.IsMatch(release["date"]!.GetValue<string>(), @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$").ShouldBeTrue();
        release["tag"]!.AsArray().ShouldNotBeEmpty();
        release["tag"]!.AsArray().ShouldAllBe(t => Tags.Contains(t!.GetValue<string>()));
        release["initiationType"]!.GetValue<string>().ShouldBe("tender");

        var parties = release["parties"]!.AsArray().Select(p => p!.AsObject()).ToArray();
        parties.ShouldAllBe(p => !string.IsNullOrEmpty(p["id"]!.GetValue<string>()) && p["roles"]!.AsArray().Count > 0);
        parties.SelectMany(p => p["roles"]!.AsArray()).ShouldAllBe(r => Roles.Contains(r!.GetValue<string>()));
        var partyIds = parties.Select(p => p["id"]!.GetValue<string>()).ToHashSet();
        partyIds.ShouldContain(release["buyer"]!["id"]!.GetValue<string>());

        var tender = release["tender"]!;
        TenderStatuses.ShouldContain(tender["status"]!.GetValue<string>());
        var lots = (tender["lots"]?.AsArray() ?? []).Select(l => l!["id"]!.GetValue<string>()).ToHashSet();
        (tender["items"]?.AsArray() ?? []).ShouldAllBe(i => lots.Contains(i!["relatedLot"]!.GetValue<string>()));
        foreach (var award in (release["awards"]?.AsArray() ?? []).Select(a => a!))
        {
            AwardStatuses.ShouldContain(award["status"]!.GetValue<string>());
            award["relatedLots"]!.AsArray().ShouldAllBe(l => lots.Contains(l!.GetValue<string>()));
            (award["suppliers"]?.AsArray() ?? []).ShouldAllBe(s => partyIds.Contains(s!["id"]!.GetValue<string>()));
        }
        var awardIds = (release["awards"]?.AsArray() ?? []).Select(a => a!["id"]!.GetValue<string>()).ToHashSet();
        foreach (var contract in (release["contracts"]?.AsArray() ?? []).Select(c => c!))
        {
            ContractStatuses.ShouldContain(contract["status"]!.GetValue<string>());
            awardIds.ShouldContain(contract["awardID"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_release_package_is_for_the_cell_and_auditors_and_an_unknown_tender_is_404()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.OpenWithTwoLotsAsync($"OD-{Guid.NewGuid():N}"[..20]);

        var package = JsonNode.Parse(await system.Api.GetStringAsync($"api/tenders/{tender.Id}/ocds/releases", Ct))!;
        package["releases"]!.AsArray().Count.ShouldBe(3);
        var asAuditor = await system.Api.SendAsync(Write(HttpMethod.Get, $"api/tenders/{tender.Id}/ocds/releases", null, null, actor: TestUsers.Auditor), Ct);
        asAuditor.StatusCode.ShouldBe(HttpStatusCode.OK);
        var asOcmw = await system.Api.SendAsync(Write(HttpMethod.Get, $"api/tenders/{tender.Id}/ocds/releases", null, null, actor: TestUsers.Of("OCMW")), Ct);
        (await CodeOfAsync(asOcmw, HttpStatusCode.Forbidden)).ShouldBe("not-allowed");
        (await system.Api.GetAsync($"api/tenders/{Guid.NewGuid()}/ocds/record", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
