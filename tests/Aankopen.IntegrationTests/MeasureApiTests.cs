using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The cell plans measures for the coming years; the annex carries them until they are done or dropped.</summary>
[Collection(nameof(RunningSystem))]
public sealed class MeasureApiTests(RunningSystem system)
{
    /// <summary>The service's year: the Brussels one.</summary>
    private static int ThisYear => Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow).Year;

    [Fact]
    public async Task A_measure_is_planned_by_the_cell_read_by_everyone_and_carried_by_the_annex_until_it_is_done()
    {
        var text = $"Gezamenlijke aankoop van groene stroom {Guid.NewGuid():N}";
        var year = ThisYear;
        var planned = await system.Api.AsAsync<MeasureView>(TestUsers.Cell, HttpMethod.Post, "api/reports/measures",
            new PlanMeasureRequest(" Energie ", "Énergie", text, "Achat conjoint d'électricité verte", year + 1));
        planned.ShouldSatisfyAllConditions(m => m.DomainNl.ShouldBe("Energie"), m => m.Status.ShouldBe("Planned"), m => m.ClosedIn.ShouldBeNull());

        var seenByOcmw = await system.Api.AsAsync<MeasureView[]>(TestUsers.Of("OCMW"), HttpMethod.Get, "api/reports/measures");
        seenByOcmw.ShouldContain(m => m.Id == planned.Id);
        (await system.Api.GetFromJsonAsync<SynergyReportView>($"api/reports/synergies/{year - 1}", Ct))!.Measures!.ShouldNotContain(m => m.Id == planned.Id);
        (await system.Api.GetFromJsonAsync<SynergyReportView>($"api/reports/synergies/{year}", Ct))!.Measures!.ShouldContain(m => m.Id == planned.Id);

        // Not in a year still to come.
        var ahead = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/reports/measures/{planned.Id}/closing", new CloseMeasureRequest("Done", year + 1), null), Ct);
        (await CodeOfAsync(ahead, HttpStatusCode.UnprocessableEntity)).ShouldBe("measure-year-invalid");
        var done = await system.Api.AsAsync<MeasureView>(TestUsers.Cell, HttpMethod.Post, $"api/reports/measures/{planned.Id}/closing", new CloseMeasureRequest("Done", year));
        (done.Status, done.ClosedIn).ShouldBe(("Done", year));
        var annex = (await system.Api.GetFromJsonAsync<SynergyReportView>($"api/reports/synergies/{year}", Ct))!;
        annex.Measures!.ShouldNotContain(m => m.Id == planned.Id);
        annex.MeasuresDone!.ShouldContain(m => m.Id == planned.Id);

        var again = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/reports/measures/{planned.Id}/closing", new CloseMeasureRequest("Dropped", year), null), Ct);
        (await CodeOfAsync(again, HttpStatusCode.Conflict)).ShouldBe("measure-closed");
        var unknown = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/reports/measures/{Guid.NewGuid()}/closing", new CloseMeasureRequest("Done", year), null), Ct);
        (await CodeOfAsync(unknown, HttpStatusCode.NotFound)).ShouldBe("measure-not-found");
    }

    [Fact]
    public async Task A_measure_sent_again_under_its_idempotency_key_is_planned_once_and_the_key_is_the_senders_own()
    {
        var key = Guid.NewGuid().ToString("N");
        var body = new PlanMeasureRequest("Mobiliteit", "Mobilité", $"Gezamenlijke vloot {key}", "Flotte commune", ThisYear + 1);
        async Task<HttpResponseMessage> PlanAsync(PlanMeasureRequest request, string actor) =>
            await system.Api.SendAsync(Write(HttpMethod.Post, "api/reports/measures", request, null, actor, idempotencyKey: key), Ct);

        var first = await PlanAsync(body, TestUsers.Cell);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var planned = (await first.Content.ReadFromJsonAsync<MeasureView>(Ct))!;
        var again = await PlanAsync(body, TestUsers.Cell);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadFromJsonAsync<MeasureView>(Ct))!.Id.ShouldBe(planned.Id);
        (await system.Api.GetFromJsonAsync<MeasureView[]>("api/reports/measures", Ct))!.Count(m => m.TextNl == body.TextNl).ShouldBe(1);

        // The same key with another body is not a retry: refused, nothing planned.
        (await CodeOfAsync(await PlanAsync(body with { TextFr = "Autre chose" }, TestUsers.Cell), HttpStatusCode.UnprocessableEntity)).ShouldBe("idempotency-key-reused");
        (await system.Api.GetFromJsonAsync<MeasureView[]>("api/reports/measures", Ct))!.Count(m => m.TextNl == body.TextNl).ShouldBe(1);
        // Another municipality's cell using the same key plans a measure of its own.
        var other = await PlanAsync(body, TestUsers.OtherCell);
        other.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await other.Content.ReadFromJsonAsync<MeasureView>(Ct))!.Id.ShouldNotBe(planned.Id);
    }

    [Fact]
    public async Task Bad_input_is_refused_at_its_field_and_plans_nothing()
    {
        var before = (await system.Api.GetFromJsonAsync<MeasureView[]>("api/reports/measures", Ct))!.Length;
        foreach (var (body, field) in new (PlanMeasureRequest, string)[]
        {
            (new("", "Énergie", "x", "y", 2027), "domainNl"),
            (new("Energie", "Énergie", "x", new string('y', 1001), 2027), "textFr"),
            (new("Energie", "Énergie", "x", "y", 1999), "plannedFrom"),
        })
        {
            var problem = await ProblemAsync(await system.Api.SendAsync(Write(HttpMethod.Post, "api/reports/measures", body, null), Ct), HttpStatusCode.UnprocessableEntity);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        var badStatus = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/reports/measures/{Guid.NewGuid()}/closing", new CloseMeasureRequest("Planned", 2027), null), Ct);
        (await CodeOfAsync(badStatus, HttpStatusCode.UnprocessableEntity)).ShouldBe("measure-status-invalid");
        (await system.Api.GetFromJsonAsync<MeasureView[]>("api/reports/measures", Ct))!.Length.ShouldBe(before);
    }

    [Fact]
    public async Task Two_people_closing_the_same_measure_at_once_get_one_close_and_one_refusal()
    {
        var planned = await system.Api.AsAsync<MeasureView>(TestUsers.Cell, HttpMethod.Post, "api/reports/measures",
            new PlanMeasureRequest("Papier", "Papier", $"Eén papiercontract {Guid.NewGuid():N}", "Un seul contrat de papier", ThisYear));

        var answers = await Task.WhenAll(new[] { "Done", "Dropped" }.Select(status =>
            system.Api.SendAsync(Write(HttpMethod.Post, $"api/reports/measures/{planned.Id}/closing", new CloseMeasureRequest(status, ThisYear), null), Ct)));

        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var stored = (await system.Api.GetFromJsonAsync<MeasureView[]>("api/reports/measures", Ct))!.Single(m => m.Id == planned.Id);
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<MeasureView>(Ct);
        stored.Status.ShouldBe(winner!.Status);
    }
}
