using System.Net;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class AdministrationApiTests(RunningSystem system)
{
    private static string NewCode() => $"AGB-{Random.Shared.Next(100_000, 999_999)}";

    private static RegisterAdministrationRequest Registration(string code) =>
        new(code, "AGB Sport Jette", "RCA Sport Jette", "BE0250000177", "AutonomousCompany");

    [Fact]
    public async Task A_registered_administration_can_be_invited_and_changed_with_its_revision()
    {
        var code = NewCode();
        var registered = await system.Api.SendAsync(Write(HttpMethod.Post, "api/administrations", Registration(code), null), Ct);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created);
        registered.Headers.Location!.ToString().ShouldBe($"/api/administrations/{code}");
        var view = (await registered.Content.ReadFromJsonAsync<AdministrationView>(Ct))!;
        view.ShouldSatisfyAllConditions(v => v.EnterpriseNumber.ShouldBe("0250.000.177"), v => v.Kind.ShouldBe("AutonomousCompany"), v => v.FinanceRoutingKey.ShouldBe(code));

        var tender = new MealVoucherTender(system.Api);
        var opened = await tender.Api.OpenTenderAsync(MealVoucherTender.Cell, MealVoucherTender.Opening($"AG-{Guid.NewGuid():N}"[..20]) with
        {
            InvitedAdministrations = ["GEMEENTE", "OCMW", code],
        }, ct: Ct);
        (await Task.FromResult(opened).OrThrowAsync()).InvitedAdministrations.ShouldContain(code);

        var etag = registered.Headers.ETag!.ToString();
        var change = new ChangeAdministrationRequest("AGB Sport en Vrije Tijd Jette", "RCA Sport et Loisirs Jette", "0250.000.177", "AutonomousCompany");
        var changed = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/administrations/{code}", change, etag), Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<AdministrationView>(Ct))!.NameNl.ShouldBe("AGB Sport en Vrije Tijd Jette");

        var stale = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/administrations/{code}", change with { NameNl = "Oud" }, etag), Ct);
        await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var read = await system.Api.GetAsync($"api/administrations/{code}", Ct);
        read.Headers.ETag!.ToString().ShouldBe(changed.Headers.ETag!.ToString());
        (await read.Content.ReadFromJsonAsync<AdministrationView>(Ct))!.NameNl.ShouldBe("AGB Sport en Vrije Tijd Jette");
    }

    [Fact]
    public async Task A_code_is_registered_once()
    {
        var code = NewCode();
        (await system.Api.SendAsync(Write(HttpMethod.Post, "api/administrations", Registration(code), null), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await system.Api.SendAsync(Write(HttpMethod.Post, "api/administrations", Registration(code), null), Ct);

        (await CodeOfAsync(again, HttpStatusCode.Conflict)).ShouldBe("administration-exists");
    }

    [Fact]
    public async Task An_invalid_registration_is_422_per_field_and_registers_nothing()
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/administrations",
            new RegisterAdministrationRequest("agb sport", "", "RCA", "0250.000.178", "Castle"), null, language: "fr"), Ct);

        var errors = (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        foreach (var field in new[] { "code", "nameNl", "enterpriseNumber", "kind" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        (await system.Api.GetFromJsonAsync<List<AdministrationView>>("api/administrations", Ct))!.ShouldNotContain(a => a.Code == "agb sport");
    }

    [Fact]
    public async Task Changing_needs_if_match_and_an_existing_code()
    {
        var change = new ChangeAdministrationRequest("x", "y", "0250.000.177", "Other");

        var missing = await system.Api.SendAsync(Write(HttpMethod.Put, "api/administrations/OCMW", change, null), Ct);
        (await CodeOfAsync(missing, HttpStatusCode.PreconditionRequired)).ShouldBe("if-match-required");
        var unknown = await system.Api.SendAsync(Write(HttpMethod.Put, "api/administrations/NOBODY", change, "\"1\""), Ct);
        (await CodeOfAsync(unknown, HttpStatusCode.NotFound)).ShouldBe("administration-not-found");
        (await CodeOfAsync(await system.Api.GetAsync("api/administrations/NOBODY", Ct), HttpStatusCode.NotFound)).ShouldBe("administration-not-found");
    }
}
