using System.Text.Json.Nodes;
using Aankopen.Domain.Tenders;
using Aankopen.Reports.Ocds;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>A tender's facts as OCDS 1.1 releases, without I/O.</summary>
public sealed class OcdsReleaseTests
{
    private const string Ocid = "ocds-aankpn-0199a000-0000-7000-8000-000000000001";
    private static readonly Dictionary<string, Aankopen.Domain.Administrations.Administration> ByCode = Administrations.All.ToDictionary(a => a.Code);

    private static JsonObject[] ReleasesOf(params object[] facts)
    {
        JointTender? state = null;
        var removed = new List<Lot>();
        return facts.Select((fact, i) =>
        {
            if (fact is LotRemoved gone)
                removed.Add(state!.Lots[gone.LotNumber]);
            state = JointTender.Transition(state, fact);
            return OcdsReleases.Release(Ocid, state!, i + 1, fact, OpenedAt.AddDays(i), ByCode, removed);
        }).ToArray();
    }

    private static readonly object[] AwardedStory =
    [
        Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), OptIn(1, "GEMEENTE", 75_000m), OptIn(1, "OCMW", 25_000m), Closed(2), Published(),
        Awarded(1, new AwardShare("GEMEENTE", 75_000.01m, 75_000.01m, "0100/1"), new AwardShare("OCMW", 25_000m, 25_000m, "0900/1")),
    ];

    [Fact]
    public void Each_fact_is_a_release_with_its_own_id_the_tenders_ocid_and_a_tag_from_the_codelist()
    {
        var releases = ReleasesOf(AwardedStory);

        releases.Select(r => r["id"]!.GetValue<string>()).ShouldBeUnique();
        releases.ShouldAllBe(r => r["ocid"]!.GetValue<string>() == Ocid && r["initiationType"]!.GetValue<string>() == "tender");
        releases.Select(r => string.Join(",", r["tag"]!.AsArray().Select(t => t!.GetValue<string>())))
            .ShouldBe(["tender", "tenderUpdate", "tenderUpdate", "tenderUpdate", "tenderUpdate", "tenderUpdate", "tenderUpdate", "award,contract"]);
        releases[0]["date"]!.GetValue<string>().ShouldBe("2026-11-02T09:00:00Z");
    }

    [Fact]
    public void The_invited_administrations_are_buyers_by_enterprise_number_the_lead_also_procures_and_the_supplier_supplies()
    {
        var parties = ReleasesOf(AwardedStory)[^1]["parties"]!.AsArray().Select(p => p!.AsObject()).ToArray();

        var city = parties.Single(p => p["id"]!.GetValue<string>() == "BE-BCE_KBO-0207000176");
        city["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["buyer", "procuringEntity"]);
        city["identifier"]!["scheme"]!.GetValue<string>().ShouldBe("BE-BCE_KBO");
        parties.Single(p => p["name"]!.GetValue<string>() == "OCMW Jette")["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["buyer"]);
        parties.Single(p => p["name"]!.GetValue<string>() == "Cheques & Co NV")["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["supplier"]);
    }

    [Fact]
    public void Lots_items_awards_and_contracts_are_linked_by_lot_and_the_shares_add_up_to_the_award()
    {
        var release = ReleasesOf(AwardedStory)[^1];
        var tender = release["tender"]!;

        tender["status"]!.GetValue<string>().ShouldBe("complete"); // every lot decided: awarded or dropped
        tender["mainProcurementCategory"]!.GetValue<string>().ShouldBe("goods");
        tender["procurementMethod"]!.GetValue<string>().ShouldBe("open");
        tender["lots"]!.AsArray().Select(l => $"{l!["id"]}:{l["status"]}").ShouldBe(["1:complete", "2:cancelled"]);
        tender["items"]!.AsArray().Select(i => i!["relatedLot"]!.GetValue<string>()).ShouldBe(["1", "2"]);
        var award = release["awards"]!.AsArray().Single()!;
        award["relatedLots"]!.AsArray().Single()!.GetValue<string>().ShouldBe("1");
        award["status"]!.GetValue<string>().ShouldBe("active");
        award["buyerShares"]!.AsArray().Sum(s => s!["value"]!["amount"]!.GetValue<decimal>()).ShouldBe(award["value"]!["amount"]!.GetValue<decimal>());
        var contract = release["contracts"]!.AsArray().Single()!;
        contract["awardID"]!.GetValue<string>().ShouldBe(award["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Open", "open")]
    [InlineData("Restricted", "selective")]
    [InlineData("NegotiatedWithoutPriorPublication", "limited")]
    [InlineData("AcceptedInvoice", "direct")]
    public void Belgian_procedures_map_to_the_procurement_method_codelist(string procedure, string method) =>
        OcdsReleases.MethodOf(procedure).ShouldBe(method);

    [Fact]
    public void A_cancelled_tender_says_so_and_a_draft_is_planning()
    {
        ReleasesOf(Drafted("GEMEENTE"), Lot(1))[^1]["tag"]!.AsArray().Single()!.GetValue<string>().ShouldBe("planningUpdate");
        var cancelled = ReleasesOf(Opened("GEMEENTE"), Lot(1), new TenderCancelled(TenderId, "Geen budget", Cell, Now))[^1];
        cancelled["tag"]!.AsArray().Single()!.GetValue<string>().ShouldBe("tenderCancellation");
        cancelled["tender"]!["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    [Fact]
    public void Each_administrations_decisions_are_approval_milestones_met_on_their_date_unless_suspended_or_annulled()
    {
        object[] story = [.. AwardedStory[..7], .. ConditionsApproved("GEMEENTE", "OCMW"), Decided(3, "OCMW", DecisionKind.Award, 1),
            new DecisionSupervised(TenderId, 2, "OCMW", SupervisionAct.Suspended, new DateOnly(2026, 11, 25), "Gouverneur/1", Cell, Now)];

        var milestones = ReleasesOf(story)[^1]["tender"]!["milestones"]!.AsArray().Select(m => m!.AsObject()).ToArray();

        milestones.Select(m => (m["id"]!.GetValue<string>(), m["type"]!.GetValue<string>(), m["status"]!.GetValue<string>())).ShouldBe(
            [("decision-1", "approval", "met"), ("decision-2", "approval", "notMet"), ("decision-3", "approval", "met")]);
        milestones[0]["title"]!.GetValue<string>().ShouldBe("Gemeente Jette: deelname en voorwaarden");
        milestones[0]["dateMet"]!.GetValue<string>().ShouldBe("2026-10-20T00:00:00Z");
        milestones[0].ContainsKey("relatedLots").ShouldBeFalse();
        milestones[1]["description"]!.GetValue<string>().ShouldContain("Suspended");
        milestones[2]["relatedLots"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["1"]);
        // Without decisions there is no milestones list at all: the standard asks publishers to leave out empty lists.
        ReleasesOf(AwardedStory)[^1]["tender"]!.AsObject().ContainsKey("milestones").ShouldBeFalse();
    }

    [Fact]
    public void No_release_holds_an_empty_list_or_object_as_the_standard_asks_of_publishers()
    {
        // From the tender just opened (no lots, awards or decisions yet) to the award.
        var releases = ReleasesOf(AwardedStory);
        releases[0]["tender"]!.AsObject().ContainsKey("lots").ShouldBeFalse();
        releases[0].ContainsKey("awards").ShouldBeFalse();
        foreach (var release in releases)
            EmptiesIn(release, "").ShouldBeEmpty();
    }

    [Fact]
    public void No_list_ever_loses_an_item_from_one_release_to_the_next_so_leaving_out_an_empty_one_hides_nothing()
    {
        // Lots removed, decisions suspended, awards, orders: every list of a release holds the previous one's items.
        var removed = new LotRemoved(TenderId, 2, Cell, OpenedAt.AddDays(1));
        var releases = ReleasesOf([Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), removed, Lot(3), OptIn(1, "GEMEENTE", 75_000m), OptIn(1, "OCMW", 25_000m),
            Closed(), Published(), .. ConditionsApproved("GEMEENTE", "OCMW"),
            new DecisionSupervised(TenderId, 2, "OCMW", SupervisionAct.Suspended, new DateOnly(2026, 11, 20), "Gouverneur/1", Cell, OpenedAt.AddDays(3))]);
        for (var i = 1; i < releases.Length; i++)
            foreach (var (path, ids) in ListsIn(releases[i - 1], ""))
                ids.Except(ListsIn(releases[i], "").GetValueOrDefault(path, [])).ShouldBeEmpty($"{path} in release {i + 1}");
    }

    /// <summary>Every list of objects with ids, by its path (items named by id), with the ids it holds.</summary>
    private static Dictionary<string, string[]> ListsIn(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => ListsIn(p.Value, $"{path}/{p.Key}")).ToDictionary(),
        JsonArray a when a.All(i => i is JsonObject item && item.ContainsKey("id")) => new[] { (path, a.Select(i => i!["id"]!.ToString()).ToArray()) }
            .Concat(a.SelectMany(i => ListsIn(i, $"{path}[{i!["id"]}]")).Select(kv => (kv.Key, kv.Value))).ToDictionary(kv => kv.Item1, kv => kv.Item2),
        _ => [],
    };

    private static IEnumerable<string> EmptiesIn(JsonNode? node, string path) => node switch
    {
        JsonObject { Count: 0 } or JsonArray { Count: 0 } => [path],
        JsonObject o => o.SelectMany(p => EmptiesIn(p.Value, $"{path}/{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => EmptiesIn(item, $"{path}/{i}")),
        _ => [],
    };

    [Fact]
    public void The_compiled_release_follows_the_merge_rules_so_a_removed_lot_stays_cancelled_and_a_suspended_decision_is_not_met()
    {
        var removed = new LotRemoved(TenderId, 2, Cell, OpenedAt.AddDays(1));
        var releases = ReleasesOf([Opened("GEMEENTE", "OCMW"), Lot(1), Lot(2), removed, OptIn(1, "GEMEENTE", 75_000m), OptIn(1, "OCMW", 25_000m),
            Closed(), Published(), .. ConditionsApproved("GEMEENTE", "OCMW"),
            new DecisionSupervised(TenderId, 2, "OCMW", SupervisionAct.Suspended, new DateOnly(2026, 11, 20), "Gouverneur/1", Cell, OpenedAt.AddDays(3))]);

        var compiled = OcdsMerge.Compile(Ocid, releases);
        compiled["tag"]!.AsArray().Single()!.GetValue<string>().ShouldBe("compiled");
        compiled["id"]!.GetValue<string>().ShouldBe($"{Ocid}-{releases[^1]["date"]}");
        compiled["date"]!.GetValue<string>().ShouldBe(releases[^1]["date"]!.GetValue<string>());
        var lots = compiled["tender"]!["lots"]!.AsArray();
        lots.Select(l => (l!["id"]!.GetValue<string>(), l["status"]!.GetValue<string>())).ShouldBe([("1", "active"), ("2", "cancelled")]);
        var milestones = compiled["tender"]!["milestones"]!.AsArray();
        milestones.Count.ShouldBe(2);
        milestones.Single(m => m!["id"]!.GetValue<string>() == "decision-2")!["status"]!.GetValue<string>().ShouldBe("notMet");
        // Parties' roles are a list of codes: replaced whole, never appended to.
        compiled["parties"]!.AsArray().ShouldAllBe(p => p!["roles"]!.AsArray().Count <= 2);
    }

    [Fact]
    public void Merging_replaces_values_removes_nulls_merges_identified_items_and_replaces_other_lists_whole()
    {
        static JsonObject Release(string date, string json)
        {
            var release = JsonNode.Parse(json)!.AsObject();
            release["date"] = date;
            return release;
        }
        var compiled = OcdsMerge.Compile("o", [
            Release("2027-01-02T00:00:00Z", """{"a":2,"gone":null,"list":[{"id":1,"x":"b"},{"id":3}],"codes":["z"],"shares":[{"v":2}]}"""),
            Release("2027-01-01T00:00:00Z", """{"a":1,"gone":"here","list":[{"id":1,"x":"a","y":"kept"},{"id":2}],"codes":["x","y"],"shares":[{"v":1},{"v":1}]}"""),
        ]);
        compiled["a"]!.GetValue<int>().ShouldBe(2);
        compiled.ContainsKey("gone").ShouldBeFalse();
        compiled["list"]!.ToJsonString().ShouldBe("""[{"id":1,"x":"b","y":"kept"},{"id":2},{"id":3}]""");
        compiled["codes"]!.ToJsonString().ShouldBe("""["z"]""");
        compiled["shares"]!.ToJsonString().ShouldBe("""[{"v":2}]""");
    }

    [Fact]
    public void A_framework_award_says_so_and_its_contract_lists_each_order_with_its_buyer()
    {
        var awarded = (LotAwarded)AwardedStory[^1] with { Agreement = AgreementKind.Framework };
        var order = new OrderRecorded(TenderId, 1, 1, "OCMW", 0, new DateOnly(2027, 2, 1), "BB/1", 1_000m, 1_000m, "0900/1", Cell, OpenedAt);
        var last = ReleasesOf([.. AwardedStory[..^1], awarded, order])[^1];

        last["tag"]!.AsArray().Single()!.GetValue<string>().ShouldBe("implementationUpdate");
        last["awards"]![0]!["agreementKind"]!.GetValue<string>().ShouldBe("framework");
        var placed = last["contracts"]![0]!["orders"]!.AsArray().ShouldHaveSingleItem()!;
        placed["id"]!.GetValue<string>().ShouldBe("order-1");
        placed["buyer"]!["id"]!.GetValue<string>().ShouldBe("BE-BCE_KBO-0212000131");
        placed["value"]!["amount"]!.GetValue<decimal>().ShouldBe(1_000m);
        ReleasesOf(AwardedStory)[^1]["awards"]![0]!["agreementKind"]!.GetValue<string>().ShouldBe("fixed");
    }

    [Fact]
    public void The_local_extension_declares_every_field_of_its_own_the_releases_use()
    {
        using var extension = OcdsReleases.ExtensionFile("extension.json")!;
        var declared = JsonNode.Parse(extension)!;
        foreach (var required in new[] { "name", "description", "documentationUrl" })
            declared[required]!["en"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        declared["compatibility"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldContain("1.1");
        declared["schemas"]!.AsArray().Single()!.GetValue<string>().ShouldBe("release-schema.json");
        using var schemaFile = OcdsReleases.ExtensionFile("release-schema.json")!;
        var definitions = JsonNode.Parse(schemaFile)!["definitions"]!;
        definitions["Award"]!["properties"]!["buyerShares"].ShouldNotBeNull();
        definitions["Award"]!["properties"]!["agreementKind"].ShouldNotBeNull();
        definitions["Contract"]!["properties"]!["orders"].ShouldNotBeNull();
        definitions["Milestone"]!["properties"]!["relatedLots"].ShouldNotBeNull();
        definitions["Contract"]!["properties"]!["relatedLots"].ShouldNotBeNull();
        definitions["Tender"]!["properties"]!["classification"].ShouldNotBeNull();
        OcdsReleases.ExtensionFile("../secrets.json").ShouldBeNull();
        OcdsReleases.Extensions("https://aankopen.example/").Select(e => e!.GetValue<string>())
            .ShouldBe([OcdsReleases.LotsExtension, "https://aankopen.example/ocds/extension.json"]);
    }

    [Fact]
    public void The_packages_name_the_configured_public_address_not_the_requests_host()
    {
        var settings = OcdsSettings.From(null, null, "https://open.jette.example/aankopen");
        settings.AddressOf("http", "attacker.example", "", "/api/tenders/1/ocds/record").ShouldBe("https://open.jette.example/aankopen/api/tenders/1/ocds/record");
        OcdsSettings.From(null, null).AddressOf("http", "127.0.0.1:5000", "/base", "/ocds/x").ShouldBe("http://127.0.0.1:5000/base/ocds/x");
        foreach (var wrong in new[] { "ftp://open.jette.example/", "open.jette.example", "https://open.jette.example/?a=1" })
            Should.Throw<InvalidOperationException>(() => OcdsSettings.From(null, null, wrong)).Message.ShouldContain("Exports:PublicAddress");
    }
}
